import {
	GraphQLError,
	Kind,
	getNamedType,
	getNullableType,
	isListType,
	isInterfaceType,
	isObjectType,
	valueFromASTUntyped,
	type ArgumentNode,
	type DocumentNode,
	type FragmentDefinitionNode,
	type GraphQLNamedType,
	type GraphQLSchema,
	type SelectionSetNode,
} from 'graphql';

export interface QueryLimits {
	depth: number;
	aliases: number;
	cost: number;
	/** Rows a list is counted as when it sets no limit: the configured default for top-level lists. */
	defaultLimit: number;
}

/** Rows counted for a nested list without a limit, or with `-1`: an estimate, since the data decides. */
const unboundedRows = 100;
/** Introspection's list fields; nesting them deeper than any real client does multiplies the answer without end. */
const introspectionLists = new Set(['types', 'fields', 'args', 'inputFields', 'interfaces', 'possibleTypes', 'enumValues', 'directives']);
const introspectionListDepth = 4;
const introspectionDepth = 24;

class LimitExceeded extends Error {}

interface Walk {
	schema: GraphQLSchema;
	fragments: Map<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
	limits: QueryLimits;
	cost: number;
}

/**
 * Refuses a document that asks for too much before it is validated or run: too deep, too many
 * aliases, or an estimated cost (fields × the rows each list may answer) above the limit. The walk
 * stops at the first limit crossed, so a fragment bomb costs no more to refuse than to count.
 */
export function checkLimits(schema: GraphQLSchema, document: DocumentNode, variables: Record<string, unknown>, limits: QueryLimits): GraphQLError | undefined {
	let aliases = 0;
	const fragments = new Map<string, FragmentDefinitionNode>();
	for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
	const countAliases = (set: SelectionSetNode | undefined) => {
		for (const selection of set?.selections ?? []) {
			if (selection.kind === Kind.FIELD && selection.alias) aliases++;
			if (selection.kind !== Kind.FRAGMENT_SPREAD) countAliases(selection.selectionSet);
		}
	};
	for (const definition of document.definitions) if ('selectionSet' in definition) countAliases(definition.selectionSet);
	if (aliases > limits.aliases) return refusal(`The query uses ${aliases} aliases; at most ${limits.aliases} are allowed (GRAPHQL_QUERY_ALIAS_MAX).`);

	const depth = deepest(document, fragments);
	if (depth > limits.depth) return refusal(`The query is nested ${depth} levels deep; at most ${limits.depth} are allowed (GRAPHQL_QUERY_DEPTH_MAX).`);

	const walk: Walk = { schema, fragments, variables, limits, cost: 0 };
	try {
		for (const definition of document.definitions) {
			if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
			const root =
				definition.operation === 'mutation'
					? schema.getMutationType()
					: definition.operation === 'subscription'
						? schema.getSubscriptionType()
						: schema.getQueryType();
			if (!root) return refusal(`This schema has no ${definition.operation} operations.`);
			visit(walk, root, definition.selectionSet, { depth: 0, rows: 1, introspection: 0, fragments: new Set() });
		}
	} catch (error) {
		if (error instanceof LimitExceeded) return refusal(error.message);
		throw error;
	}
	return undefined;
}

/** The deepest nesting of fields below an operation, outside introspection; each fragment is measured once. */
function deepest(document: DocumentNode, fragments: Map<string, FragmentDefinitionNode>): number {
	const measured = new Map<string, number>();
	const depthOf = (set: SelectionSetNode, path: Set<string>): number => {
		let max = 0;
		for (const selection of set.selections) {
			if (selection.kind === Kind.FIELD) {
				if (selection.selectionSet && !selection.name.value.startsWith('__')) max = Math.max(max, 1 + depthOf(selection.selectionSet, path));
			} else if (selection.kind === Kind.INLINE_FRAGMENT) max = Math.max(max, depthOf(selection.selectionSet, path));
			else {
				const name = selection.name.value;
				const fragment = fragments.get(name);
				if (!fragment || path.has(name)) continue;
				if (!measured.has(name)) measured.set(name, depthOf(fragment.selectionSet, new Set([...path, name])));
				max = Math.max(max, measured.get(name)!);
			}
		}
		return max;
	};
	let max = 0;
	for (const definition of document.definitions)
		if (definition.kind === Kind.OPERATION_DEFINITION) max = Math.max(max, depthOf(definition.selectionSet, new Set()));
	return max;
}

function refusal(message: string): GraphQLError {
	return new GraphQLError(message, { extensions: { code: 'GRAPHQL_VALIDATION' } });
}

interface Position {
	depth: number;
	/** Rows each field at this level is counted for. */
	rows: number;
	/** Introspection list fields above; 0 outside introspection. */
	introspection: number;
	fragments: Set<string>;
}

function visit(walk: Walk, parent: GraphQLNamedType, set: SelectionSetNode, at: Position): void {
	for (const selection of set.selections) {
		if (selection.kind === Kind.INLINE_FRAGMENT) {
			const type = selection.typeCondition ? (walk.schema.getType(selection.typeCondition.name.value) ?? parent) : parent;
			visit(walk, type, selection.selectionSet, at);
			continue;
		}
		if (selection.kind === Kind.FRAGMENT_SPREAD) {
			const fragment = walk.fragments.get(selection.name.value);
			// A cycle is the validator's to report; here it must only not loop.
			if (!fragment || at.fragments.has(fragment.name.value)) continue;
			const type = walk.schema.getType(fragment.typeCondition.name.value) ?? parent;
			visit(walk, type, fragment.selectionSet, { ...at, fragments: new Set([...at.fragments, fragment.name.value]) });
			continue;
		}
		const name = selection.name.value;
		const introspecting = at.introspection > 0 || name.startsWith('__');
		walk.cost += introspecting ? 1 : at.rows;
		if (walk.cost > walk.limits.cost)
			throw new LimitExceeded(
				`The query's estimated cost exceeds ${walk.limits.cost} (GRAPHQL_QUERY_COST_MAX): ask for fewer fields or rows, or set smaller limits on lists.`,
			);
		if (!selection.selectionSet) continue;
		const depth = at.depth + 1;
		if (!introspecting && depth > walk.limits.depth)
			throw new LimitExceeded(`The query is nested ${depth} levels deep; at most ${walk.limits.depth} are allowed (GRAPHQL_QUERY_DEPTH_MAX).`);
		if (introspecting && depth > introspectionDepth) throw new LimitExceeded(`The introspection query is nested deeper than ${introspectionDepth} levels.`);
		const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
		const listy = field ? isListType(getNullableType(field.type)) : false;
		// 1 on entering `__schema` or `__type`, then one more per list of types, fields or arguments below it.
		const introspection = introspecting ? Math.max(at.introspection, 1) + (introspectionLists.has(name) ? 1 : 0) : 0;
		if (introspection - 1 > introspectionListDepth)
			throw new LimitExceeded(`The introspection query nests type lists more than ${introspectionListDepth} deep.`);
		const rows = introspecting || !listy ? at.rows : at.rows * rowsOf(walk, selection.arguments ?? [], at.depth === 0);
		const next = field ? getNamedType(field.type) : parent;
		visit(walk, next, selection.selectionSet, { depth, rows, introspection, fragments: at.fragments });
	}
}

/** The rows a list field may answer: its `limit` argument, else the default for top-level lists. */
function rowsOf(walk: Walk, args: readonly ArgumentNode[], topLevel: boolean): number {
	const limit = args.find((arg) => arg.name.value === 'limit');
	const value = limit ? valueFromASTUntyped(limit.value, walk.variables) : undefined;
	if (typeof value === 'number' && value >= 0) return Math.max(1, value);
	if (value === undefined && topLevel) return walk.limits.defaultLimit;
	return unboundedRows;
}
