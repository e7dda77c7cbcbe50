import {
	GraphQLFloat,
	GraphQLInputObjectType,
	GraphQLInt,
	GraphQLList,
	GraphQLNonNull,
	GraphQLObjectType,
	GraphQLString,
	GraphQLUnionType,
	type GraphQLFieldConfigArgumentMap,
	type GraphQLFieldConfigMap,
	type GraphQLInputFieldConfigMap,
	type GraphQLInputType,
	type GraphQLOutputType,
} from 'graphql';
import type { ModelCollection, ModelField } from '@mantle/extensions-sdk';
import type { Collections, RequestContext } from './context.js';
import { FilterTypes } from './filters.js';
import { CountFunctionsType, DatetimeFunctionsType, functionSource } from './functions.js';
import { isValidName } from './names.js';
import { JsonScalar, dateTypes, numericTypes, scalarOf } from './scalars.js';

type Row = Record<string, unknown>;

/** Relational values are stored under the response key, so two aliases of one relation with different arguments don't collide. */
export const byResponseKey = (row: Row, _args: unknown, _context: unknown, info: { path: { key: string | number } }) => row[String(info.path.key)] ?? null;

const memberOf = Symbol('collection');
const tagged = (value: unknown, collection: unknown) => (value && typeof value === 'object' ? { ...(value as Row), [memberOf]: collection } : null);

const readable = (field: ModelField) => field.read && isValidName(field.field);

/**
 * The GraphQL types of the caller's collections: one object type per readable collection (named
 * as the collection), unions for many-to-any fields, filter, input and aggregate types. Types are
 * made once per schema and only when something refers to them.
 */
export class ModelTypes {
	readonly filters: FilterTypes;
	private readonly objects = new Map<string, GraphQLObjectType>();
	private readonly unions = new Map<string, GraphQLUnionType>();
	private readonly inputs = new Map<string, GraphQLInputObjectType | null>();
	private readonly aggregates = new Map<string, GraphQLObjectType>();

	constructor(readonly collections: Collections) {
		this.filters = new FilterTypes(collections);
	}

	/** The list arguments of a collection's query and of its relational fields. */
	listArguments(collection: string): GraphQLFieldConfigArgumentMap {
		const filter = this.filters.of(collection);
		return {
			...(filter ? { filter: { type: filter } } : {}),
			sort: { type: new GraphQLList(GraphQLString) },
			limit: { type: GraphQLInt },
			offset: { type: GraphQLInt },
			page: { type: GraphQLInt },
			search: { type: GraphQLString },
		};
	}

	object(collection: string): GraphQLObjectType | undefined {
		const model = this.collections.get(collection);
		if (!model?.actions.read || !isValidName(collection)) return undefined;
		let type = this.objects.get(collection);
		if (!type) {
			type = new GraphQLObjectType<Row, RequestContext>({ name: collection, fields: () => this.objectFields(model) });
			this.objects.set(collection, type);
		}
		return type;
	}

	private objectFields(model: ModelCollection): GraphQLFieldConfigMap<Row, RequestContext> {
		const fields: GraphQLFieldConfigMap<Row, RequestContext> = {};
		for (const field of model.fields) {
			if (!readable(field)) continue;
			const relation = field.relation;
			if (relation?.kind === 'm2o') {
				const related = this.object(relation.related);
				fields[field.field] = related
					? { type: related, args: this.listArguments(relation.related), resolve: byResponseKey }
					: { type: scalarOf({ type: field.type, primary: false }) };
				continue;
			}
			if (relation?.kind === 'o2m') {
				const related = this.object(relation.related);
				if (!related) continue;
				fields[field.field] = { type: new GraphQLList(related), args: this.listArguments(relation.related), resolve: byResponseKey };
				fields[`${field.field}_func`] = { type: CountFunctionsType, resolve: functionSource(field.field) };
				continue;
			}
			if (relation?.kind === 'm2a') {
				const union = this.union(model, field.field, relation.allowed);
				const collectionField = relation.collectionField;
				// The union member is named by the row's collection field, which the query always asks for.
				if (union)
					fields[field.field] = { type: union, resolve: (row, args, context, info) => tagged(byResponseKey(row, args, context, info), row[collectionField]) };
				continue;
			}
			const type = scalarOf(field);
			fields[field.field] = { type: field.primary ? new GraphQLNonNull(type) : type };
			if (dateTypes.has(field.type)) fields[`${field.field}_func`] = { type: DatetimeFunctionsType, resolve: functionSource(field.field) };
		}
		return fields;
	}

	/** A many-to-any field: the related item is one of the allowed collections the caller may read. */
	private union(model: ModelCollection, field: string, allowed: string[]): GraphQLUnionType | undefined {
		const name = `${model.collection}_${field}_union`;
		const existing = this.unions.get(name);
		if (existing) return existing;
		const members = allowed.map((collection) => this.object(collection)).filter((type): type is GraphQLObjectType => type !== undefined);
		if (members.length === 0) return undefined;
		const union = new GraphQLUnionType({ name, types: members, resolveType: (value: Record<symbol, unknown>) => value[memberOf] as string | undefined });
		this.unions.set(name, union);
		return union;
	}

	/** `create_<c>_input` / `update_<c>_input`: the fields the caller may write, relations as nested inputs. */
	input(collection: string, action: 'create' | 'update'): GraphQLInputObjectType | undefined {
		const key = `${action}:${collection}`;
		if (this.inputs.has(key)) return this.inputs.get(key) ?? undefined;
		const model = this.collections.get(collection);
		const writable = model?.fields.filter((field) => field[action] && isValidName(field.field)) ?? [];
		if (!model?.actions[action] || writable.length === 0 || !isValidName(collection)) {
			this.inputs.set(key, null);
			return undefined;
		}
		const type = new GraphQLInputObjectType({ name: `${action}_${collection}_input`, fields: () => this.inputFields(writable, action) });
		this.inputs.set(key, type);
		return type;
	}

	private inputFields(writable: ModelField[], action: 'create' | 'update'): GraphQLInputFieldConfigMap {
		const fields: GraphQLInputFieldConfigMap = {};
		for (const field of writable) {
			const relation = field.relation;
			let type: GraphQLInputType = scalarOf(field);
			// A related item is written as an object; one the caller may not create or update is linked by its key.
			if (relation?.kind === 'm2o')
				type = this.input(relation.related, action) ?? this.input(relation.related, 'update') ?? scalarOf({ type: field.type, primary: false });
			else if (relation?.kind === 'o2m') type = new GraphQLList(this.input(relation.related, action) ?? this.input(relation.related, 'update') ?? JsonScalar);
			else if (relation?.kind === 'm2a') type = JsonScalar;
			fields[field.field] = { type };
		}
		return fields;
	}

	/** `<c>_aggregated`: what `aggregate` and `groupBy` answer in REST, shaped as Directus clients ask for it. */
	aggregated(collection: string): GraphQLObjectType | undefined {
		const model = this.collections.get(collection);
		if (!model?.actions.read || !isValidName(collection)) return undefined;
		let type = this.aggregates.get(collection);
		if (type) return type;
		const columns = model.fields.filter(
			(field) =>
				readable(field) && field.relation?.kind !== 'o2m' && field.relation?.kind !== 'm2a' && !field.special.includes('conceal') && field.type !== 'hash',
		);
		const numeric = columns.filter((field) => numericTypes.has(field.type));
		const counted = new GraphQLObjectType({
			name: `${collection}_aggregated_count`,
			fields: () => Object.fromEntries(columns.map((field) => [field.field, { type: GraphQLInt }])),
		});
		const measured =
			numeric.length > 0
				? new GraphQLObjectType({
						name: `${collection}_aggregated_fields`,
						fields: () => Object.fromEntries(numeric.map((field) => [field.field, { type: GraphQLFloat }])),
					})
				: undefined;
		const fields: GraphQLFieldConfigMap<Row, RequestContext> = { group: { type: JsonScalar }, countAll: { type: GraphQLInt } };
		if (columns.length > 0) Object.assign(fields, { count: { type: counted }, countDistinct: { type: counted } });
		if (measured) for (const fn of ['avg', 'sum', 'avgDistinct', 'sumDistinct', 'min', 'max']) fields[fn] = { type: measured };
		type = new GraphQLObjectType<Row, RequestContext>({ name: `${collection}_aggregated`, fields });
		this.aggregates.set(collection, type);
		return type;
	}
}

export const nonNullList = (type: GraphQLOutputType) => new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(type)));
