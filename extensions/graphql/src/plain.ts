import {
	GraphQLList,
	GraphQLNonNull,
	GraphQLObjectType,
	Kind,
	getArgumentValues,
	getVariableValues,
	isLeafType,
	type FieldNode,
	type GraphQLField,
	type GraphQLOutputType,
	type GraphQLResolveInfo,
	type GraphQLSchema,
	type OperationDefinitionNode,
	type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from './context.js';
import { byResponseKey } from './types.js';

type Row = Record<string, unknown>;

/** One field of the answer: where its value is in the row the engine returned, and what to make of it. */
interface Step {
	key: string;
	/** The row's property holding the value: the response key for relations, the field for the rest; null for `__typename`. */
	source: string | null;
	type: GraphQLOutputType;
	children?: Step[];
}

interface Root {
	node: FieldNode;
	field: GraphQLField<unknown, unknown>;
	step: Step;
}

/** The shape of a known query whose every field below the root reads its value where the engine put it. */
export interface PlainPlan {
	operation: OperationDefinitionNode;
	roots: Root[];
}

/** Not plain after all (a null where none may be, a value of the wrong shape): graphql-js answers instead. */
const bail = Symbol('bail');

/**
 * A plan for `operation`, or undefined when any part of it needs graphql-js: fragments,
 * directives, unions, repeated keys, or a field with a resolver of its own (functions, many-to-any).
 * The engine already answers rows in the selection's shape, one query per relation level, so a
 * plain query's answer is a walk over those rows: no resolver call, no `info` per field and row.
 */
export function planOf(schema: GraphQLSchema, operation: OperationDefinitionNode): PlainPlan | undefined {
	const query = schema.getQueryType();
	if (operation.operation !== 'query' || !query || operation.directives?.length) return undefined;
	const roots: Root[] = [];
	const keys = new Set<string>();
	for (const selection of operation.selectionSet.selections) {
		if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined;
		const field = query.getFields()[selection.name.value];
		const key = selection.alias?.value ?? selection.name.value;
		if (!field?.resolve || keys.has(key)) return undefined;
		keys.add(key);
		const step = stepOf(field.type, key, key, selection.selectionSet);
		if (!step) return undefined;
		roots.push({ node: selection, field, step });
	}
	return { operation, roots };
}

function stepOf(type: GraphQLOutputType, key: string, source: string | null, selectionSet: SelectionSetNode | undefined): Step | undefined {
	let named = type;
	while (named instanceof GraphQLNonNull || named instanceof GraphQLList) named = named.ofType;
	if (isLeafType(named)) return selectionSet ? undefined : { key, source, type };
	if (!(named instanceof GraphQLObjectType) || !selectionSet) return undefined;
	const definitions = named.getFields();
	const children: Step[] = [];
	const keys = new Set<string>();
	for (const selection of selectionSet.selections) {
		if (selection.kind !== Kind.FIELD || selection.directives?.length) return undefined;
		const name = selection.name.value;
		const childKey = selection.alias?.value ?? name;
		if (keys.has(childKey)) return undefined;
		keys.add(childKey);
		if (name === '__typename') {
			children.push({ key: childKey, source: null, type: named });
			continue;
		}
		const definition = definitions[name];
		if (!definition || (definition.resolve && definition.resolve !== byResponseKey)) return undefined;
		const child = stepOf(definition.type, childKey, definition.resolve ? childKey : name, selection.selectionSet);
		if (!child) return undefined;
		children.push(child);
	}
	return { key, source, type, children };
}

/**
 * The answer's `data`, or undefined when graphql-js must answer: variables that don't coerce, a
 * value the plan can't place. A root resolver's error is thrown, for Apollo to answer.
 */
export async function runPlain(
	plan: PlainPlan,
	schema: GraphQLSchema,
	fragments: GraphQLResolveInfo['fragments'],
	rawVariables: Record<string, unknown>,
	context: RequestContext,
): Promise<Row | undefined> {
	const coerced = getVariableValues(schema, plan.operation.variableDefinitions ?? [], rawVariables);
	if (coerced.errors) return undefined;
	const variableValues = coerced.coerced;
	const query = schema.getQueryType()!;
	const values = await Promise.all(
		plan.roots.map(({ node, field, step }) => {
			const info: GraphQLResolveInfo = {
				fieldName: field.name,
				fieldNodes: [node],
				returnType: field.type,
				parentType: query,
				path: { prev: undefined, key: step.key, typename: query.name },
				schema,
				fragments,
				rootValue: undefined,
				operation: plan.operation,
				variableValues,
			};
			return field.resolve!(undefined, getArgumentValues(field, node, variableValues), context, info);
		}),
	);
	const data: Row = {};
	for (const [index, { step }] of plan.roots.entries()) {
		const value = complete(step.type, values[index], step);
		if (value === bail) return undefined;
		data[step.key] = value;
	}
	return data;
}

function complete(type: GraphQLOutputType, value: unknown, step: Step): unknown {
	if (type instanceof GraphQLNonNull) return value === null || value === undefined ? bail : complete(type.ofType, value, step);
	if (value === null || value === undefined) return null;
	if (type instanceof GraphQLList) {
		if (!Array.isArray(value)) return bail;
		const list: unknown[] = [];
		for (const item of value) {
			const completed = complete(type.ofType, item, step);
			if (completed === bail) return bail;
			list.push(completed);
		}
		return list;
	}
	if (isLeafType(type)) {
		try {
			return type.serialize(value) ?? bail;
		} catch {
			return bail;
		}
	}
	if (typeof value !== 'object') return bail;
	const row = value as Row;
	const result: Row = {};
	for (const child of step.children ?? []) {
		const completed = child.source === null ? (type as GraphQLObjectType).name : complete(child.type, row[child.source] ?? null, child);
		if (completed === bail) return bail;
		result[child.key] = completed;
	}
	return result;
}
