import Joi from 'joi';

/** What `/graphql` allows: introspection, how large a document may be, how many schemas it keeps. */
export interface GraphqlConfig {
	introspection: boolean;
	/** Nesting of selections below an operation's root field. */
	queryDepthMax: number;
	/** Fields a document may answer under an alias. */
	queryAliasMax: number;
	/** Estimated rows × fields a document may ask for (see the extension's cost rule). */
	queryCostMax: number;
	/** Schemas kept at once, one per distinct permission set; the least recently used goes first. */
	schemaCacheCapacity: number;
}

const count = (min: number) => Joi.number().integer().min(min).messages({ 'number.base': '{{#label}} must be a whole number' });
const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');

/** The GRAPHQL_* variables, merged into the environment schema. */
export const graphqlVariables = {
	GRAPHQL_INTROSPECTION: flag.default(true),
	GRAPHQL_QUERY_DEPTH_MAX: count(1).default(10),
	GRAPHQL_QUERY_ALIAS_MAX: count(0).default(50),
	GRAPHQL_QUERY_COST_MAX: count(1).default(100_000),
	GRAPHQL_SCHEMA_CACHE_CAPACITY: count(1).default(100),
};

export function graphqlConfig(v: Record<string, unknown>): GraphqlConfig {
	return {
		introspection: Boolean(v.GRAPHQL_INTROSPECTION),
		queryDepthMax: Number(v.GRAPHQL_QUERY_DEPTH_MAX),
		queryAliasMax: Number(v.GRAPHQL_QUERY_ALIAS_MAX),
		queryCostMax: Number(v.GRAPHQL_QUERY_COST_MAX),
		schemaCacheCapacity: Number(v.GRAPHQL_SCHEMA_CACHE_CAPACITY),
	};
}
