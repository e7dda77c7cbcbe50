import { GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInt, GraphQLList, GraphQLScalarType, GraphQLString, Kind, type ValueNode } from 'graphql';
import type { ModelField } from '@mantle/extensions-sdk';

function literal(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
	switch (node.kind) {
		case Kind.STRING:
		case Kind.BOOLEAN:
		case Kind.ENUM:
			return node.value;
		case Kind.INT:
		case Kind.FLOAT:
			return Number(node.value);
		case Kind.NULL:
			return null;
		case Kind.LIST:
			return node.values.map((value) => literal(value, variables));
		case Kind.OBJECT:
			return Object.fromEntries(node.fields.map((field) => [field.name.value, literal(field.value, variables)]));
		case Kind.VARIABLE:
			return variables?.[node.name.value];
	}
}

/** Any JSON value, as Directus's `JSON` scalar: `json` fields and aggregate groups. */
export const JsonScalar = new GraphQLScalarType({
	name: 'JSON',
	description: 'Any JSON value.',
	serialize: (value) => value,
	parseValue: (value) => value,
	parseLiteral: literal,
});

/** Big integers travel as strings where a JSON number would lose digits, as in REST. */
export const BigIntScalar = new GraphQLScalarType({
	name: 'GraphQLBigInt',
	description: 'A whole number, sent as a string when it is too large for a JSON number.',
	serialize: (value) => value,
	parseValue: (value) => value,
	parseLiteral: (node) => (node.kind === Kind.INT || node.kind === Kind.STRING ? node.value : undefined),
});

/** Filter operands that may be a number or a string (`$NOW(-1 year)`, `$CURRENT_USER`, decimals). */
export const StringOrFloatScalar = new GraphQLScalarType({
	name: 'GraphQLStringOrFloat',
	description: 'A string or a number.',
	serialize: (value) => value,
	parseValue: (value) => value,
	parseLiteral: (node) => (node.kind === Kind.INT || node.kind === Kind.FLOAT ? Number(node.value) : node.kind === Kind.STRING ? node.value : undefined),
});

/** The GraphQL type of a column's value, in Directus's mapping. */
export function scalarOf(field: Pick<ModelField, 'type' | 'primary'>): GraphQLScalarType | GraphQLList<GraphQLScalarType> {
	if (field.primary) return GraphQLID;
	switch (field.type) {
		case 'integer':
			return GraphQLInt;
		case 'bigInteger':
			return BigIntScalar;
		case 'float':
			return GraphQLFloat;
		case 'boolean':
			return GraphQLBoolean;
		case 'json':
		case 'geometry':
			return JsonScalar;
		case 'csv':
			return new GraphQLList(GraphQLString);
		default:
			return GraphQLString;
	}
}

export const numericTypes = new Set(['integer', 'bigInteger', 'float', 'decimal']);
export const dateTypes = new Set(['date', 'dateTime', 'timestamp', 'time']);
