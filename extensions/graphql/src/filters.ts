import { GraphQLBoolean, GraphQLInputObjectType, GraphQLList, GraphQLString, type GraphQLInputFieldConfigMap, type GraphQLInputType } from 'graphql';
import { textFilterOperators, type ModelCollection, type ModelField } from '@mantle/extensions-sdk';
import { isValidName } from './names.js';
import { StringOrFloatScalar, dateTypes, numericTypes } from './scalars.js';

const list = (type: GraphQLInputType) => new GraphQLList(type);
const presence = { _null: { type: GraphQLBoolean }, _nnull: { type: GraphQLBoolean } };

const stringOperators = new GraphQLInputObjectType({
	name: 'string_filter_operators',
	fields: {
		...Object.fromEntries(['_eq', '_neq', '_ieq', '_nieq', ...textFilterOperators].map((operator) => [operator, { type: GraphQLString }])),
		_in: { type: list(GraphQLString) },
		_nin: { type: list(GraphQLString) },
		...presence,
		_empty: { type: GraphQLBoolean },
		_nempty: { type: GraphQLBoolean },
	},
});

const comparable = (name: string, operand: GraphQLInputType) =>
	new GraphQLInputObjectType({
		name,
		fields: {
			...Object.fromEntries(['_eq', '_neq', '_lt', '_lte', '_gt', '_gte'].map((operator) => [operator, { type: operand }])),
			_in: { type: list(operand) },
			_nin: { type: list(operand) },
			_between: { type: list(operand) },
			_nbetween: { type: list(operand) },
			...presence,
		},
	});

const numberOperators = comparable('number_filter_operators', StringOrFloatScalar);
const dateOperators = comparable('date_filter_operators', GraphQLString);

const booleanOperators = new GraphQLInputObjectType({
	name: 'boolean_filter_operators',
	fields: { _eq: { type: GraphQLBoolean }, _neq: { type: GraphQLBoolean }, ...presence },
});

const presenceOperators = new GraphQLInputObjectType({
	name: 'presence_filter_operators',
	fields: { ...presence, _empty: { type: GraphQLBoolean }, _nempty: { type: GraphQLBoolean } },
});

const countOperators = new GraphQLInputObjectType({ name: 'count_function_filter_operators', fields: { count: { type: numberOperators } } });

const dateFunctionOperators = new GraphQLInputObjectType({
	name: 'datetime_function_filter_operators',
	fields: Object.fromEntries(['year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second'].map((fn) => [fn, { type: numberOperators }])),
});

function operatorsOf(field: ModelField): GraphQLInputObjectType {
	if (field.primary) return field.type === 'integer' || field.type === 'bigInteger' ? numberOperators : stringOperators;
	if (numericTypes.has(field.type)) return numberOperators;
	if (dateTypes.has(field.type)) return dateOperators;
	if (field.type === 'boolean') return booleanOperators;
	if (field.type === 'json' || field.type === 'geometry' || field.type === 'csv' || field.type === 'hash') return presenceOperators;
	return stringOperators;
}

/**
 * `<collection>_filter` input types: Directus's filter language as typed arguments, with `_and`,
 * `_or`, relations by their related collection's filter and `<field>_func` for functions. A field the
 * caller may not read has no entry, so it can't be filtered on, as in REST.
 */
export class FilterTypes {
	private readonly types = new Map<string, GraphQLInputObjectType>();

	constructor(private readonly collections: Map<string, ModelCollection>) {}

	of(collection: string): GraphQLInputObjectType | undefined {
		const model = this.collections.get(collection);
		if (!model?.actions.read) return undefined;
		let type = this.types.get(collection);
		if (type) return type;
		type = new GraphQLInputObjectType({ name: `${collection}_filter`, fields: () => this.fieldsOf(model, type!) });
		this.types.set(collection, type);
		return type;
	}

	private fieldsOf(model: ModelCollection, self: GraphQLInputObjectType): GraphQLInputFieldConfigMap {
		const fields: GraphQLInputFieldConfigMap = {};
		for (const field of model.fields) {
			if (!field.read || !isValidName(field.field) || field.special.includes('conceal') || field.type === 'hash') continue;
			const relation = field.relation;
			if (relation?.kind === 'm2o' || relation?.kind === 'o2m') {
				const related = this.of(relation.related);
				if (related) fields[field.field] = { type: related };
				if (relation.kind === 'o2m') fields[`${field.field}_func`] = { type: countOperators };
				if (relation.kind === 'm2o' && !related) fields[field.field] = { type: operatorsOf(field) };
				continue;
			}
			if (relation?.kind === 'm2a') continue;
			fields[field.field] = { type: operatorsOf(field) };
			if (dateTypes.has(field.type) && field.type !== 'time') fields[`${field.field}_func`] = { type: dateFunctionOperators };
		}
		fields._and = { type: list(self) };
		fields._or = { type: list(self) };
		return fields;
	}
}

/**
 * A filter argument in REST's form: `<field>_func: { year: ... }` becomes `year(<field>)`, the
 * rest is already what REST takes.
 */
export function restFilter(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(restFilter);
	if (value === null || typeof value !== 'object') return value;
	const result: Record<string, unknown> = {};
	for (const [key, inner] of Object.entries(value)) {
		const fn = /^(.+)_func$/.exec(key);
		if (fn && inner && typeof inner === 'object' && !Array.isArray(inner)) {
			for (const [name, rule] of Object.entries(inner)) result[`${name}(${fn[1]})`] = restFilter(rule);
			continue;
		}
		result[key] = key.startsWith('_') ? (key === '_and' || key === '_or' ? restFilter(inner) : inner) : restFilter(inner);
	}
	return result;
}
