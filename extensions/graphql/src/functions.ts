import { GraphQLInt, GraphQLObjectType, type GraphQLFieldConfigMap } from 'graphql';

/** What a `<field>_func` resolver hands its subfields: the row, and the field the functions apply to. */
export interface FunctionSource {
	row: Record<string, unknown>;
	field: string;
}

const resolved = (names: string[]): GraphQLFieldConfigMap<FunctionSource, unknown> =>
	Object.fromEntries(names.map((fn) => [fn, { type: GraphQLInt, resolve: (source: FunctionSource) => source.row[`${source.field}_${fn}`] ?? null }]));

export const dateFunctions = ['year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second'];

/** `published_on_func { year month ... }`: REST's `year(published_on)`, read back as `published_on_year`. */
export const DatetimeFunctionsType = new GraphQLObjectType<FunctionSource>({ name: 'datetime_functions', fields: resolved(dateFunctions) });

/** `tags_func { count }`: REST's `count(tags)`. */
export const CountFunctionsType = new GraphQLObjectType<FunctionSource>({ name: 'count_functions', fields: resolved(['count']) });

export const functionSource =
	(field: string) =>
	(row: Record<string, unknown>): FunctionSource => ({ row, field });
