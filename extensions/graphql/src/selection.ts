import {
	GraphQLObjectType,
	GraphQLSkipDirective,
	GraphQLIncludeDirective,
	Kind,
	getArgumentValues,
	getDirectiveValues,
	getNamedType,
	type FieldNode,
	type FragmentDefinitionNode,
	type GraphQLResolveInfo,
	type SelectionSetNode,
} from 'graphql';
import type { ModelCollection, Query } from '@mantle/extensions-sdk';
import type { Collections } from './context.js';
import { restFilter } from './filters.js';

interface Walk {
	collections: Collections;
	fragments: Record<string, FragmentDefinitionNode>;
	variables: Record<string, unknown>;
	schema: GraphQLResolveInfo['schema'];
}

/** One relational level of the request: its aliases, its own arguments and the levels below it. */
interface Level {
	alias: Record<string, string>;
	args: Record<string, unknown>;
	children: Map<string, Level>;
}

const newLevel = (): Level => ({ alias: {}, args: {}, children: new Map() });

/**
 * The items query a GraphQL selection asks for, the way a REST client would write it: nested
 * selections become field paths (`author.name`, `tags.tags_id.name`, `item:headings.title`),
 * their arguments and aliases become `deep` and `alias`. The engine then plans it exactly as it
 * plans the REST request: one query per relation level, whatever the number of rows.
 */
export function queryOfSelection(info: GraphQLResolveInfo, collections: Collections, collection: string): Query {
	// Parsed documents are cached and reused, so the same field node with the same variables asks the same query.
	if (info.fieldNodes.length !== 1) return translate(info, collections, collection);
	let byNode = translated.get(collections);
	if (!byNode) translated.set(collections, (byNode = new WeakMap()));
	let byVariables = byNode.get(info.fieldNodes[0]!);
	if (!byVariables) byNode.set(info.fieldNodes[0]!, (byVariables = new Map()));
	const key = `${collection}\n${JSON.stringify(info.variableValues)}`;
	let query = byVariables.get(key);
	if (!query) {
		query = translate(info, collections, collection);
		if (byVariables.size >= 50) byVariables.clear();
		byVariables.set(key, query);
	}
	return structuredClone(query);
}

const translated = new WeakMap<Collections, WeakMap<FieldNode, Map<string, Query>>>();

function translate(info: GraphQLResolveInfo, collections: Collections, collection: string): Query {
	const walk: Walk = { collections, fragments: info.fragments, variables: info.variableValues, schema: info.schema };
	const type = getNamedType(info.returnType);
	const model = collections.get(collection);
	const top = newLevel();
	const paths: string[] = [];
	if (type instanceof GraphQLObjectType && model) {
		for (const node of info.fieldNodes) if (node.selectionSet) collect(walk, type, model, node.selectionSet, '', top, paths);
	}
	if (model && paths.length === 0) paths.push(model.primary);
	const query: Query = { fields: [...new Set(paths)] };
	if (Object.keys(top.alias).length > 0) query.alias = top.alias;
	const deep = deepOf(top);
	if (deep) query.deep = deep as Query['deep'];
	return query;
}

/** The REST names of a list field's arguments; nested levels spell them with a leading `_`. */
export function listParameters(args: Record<string, unknown>, prefix = ''): Record<string, unknown> {
	const result: Record<string, unknown> = {};
	for (const name of ['filter', 'sort', 'limit', 'offset', 'page', 'search']) {
		const value = args[name];
		if (value === undefined || value === null) continue;
		result[prefix + name] = name === 'filter' ? restFilter(value) : value;
	}
	return result;
}

function deepOf(level: Level): Record<string, unknown> | undefined {
	const deep: Record<string, unknown> = {};
	for (const [key, child] of level.children) {
		const entry: Record<string, unknown> = { ...listParameters(child.args, '_') };
		if (Object.keys(child.alias).length > 0) entry._alias = child.alias;
		Object.assign(entry, deepOf(child));
		if (Object.keys(entry).length > 0) deep[key] = entry;
	}
	return Object.keys(deep).length > 0 ? deep : undefined;
}

/** The fields a selection set names on `type`, through fragments, honouring `@skip` and `@include`. */
export function* fieldsOf(
	walk: Pick<Walk, 'fragments' | 'variables'>,
	typeName: string,
	selectionSet: SelectionSetNode,
	seen = new Set<string>(),
): Generator<FieldNode> {
	for (const selection of selectionSet.selections) {
		if (getDirectiveValues(GraphQLSkipDirective, selection, walk.variables)?.if === true) continue;
		if (getDirectiveValues(GraphQLIncludeDirective, selection, walk.variables)?.if === false) continue;
		if (selection.kind === Kind.FIELD) yield selection;
		else if (selection.kind === Kind.INLINE_FRAGMENT) {
			if (!selection.typeCondition || selection.typeCondition.name.value === typeName) yield* fieldsOf(walk, typeName, selection.selectionSet, seen);
		} else {
			const fragment = walk.fragments[selection.name.value];
			if (!fragment || seen.has(fragment.name.value) || fragment.typeCondition.name.value !== typeName) continue;
			yield* fieldsOf(walk, typeName, fragment.selectionSet, new Set([...seen, fragment.name.value]));
		}
	}
}

function collect(
	walk: Walk,
	type: GraphQLObjectType,
	model: ModelCollection,
	selectionSet: SelectionSetNode,
	prefix: string,
	level: Level,
	paths: string[],
): void {
	const definitions = type.getFields();
	const byName = new Map(model.fields.map((field) => [field.field, field]));
	for (const node of fieldsOf(walk, type.name, selectionSet)) {
		const name = node.name.value;
		const definition = definitions[name];
		if (!definition) continue;
		const field = byName.get(name);
		if (!field) {
			// `<field>_func { year month }` → `year(<field>)`, `month(<field>)`.
			const base = name.endsWith('_func') ? name.slice(0, -5) : null;
			const functionsType = getNamedType(definition.type);
			if (base && node.selectionSet && functionsType instanceof GraphQLObjectType) {
				for (const fn of fieldsOf(walk, functionsType.name, node.selectionSet))
					if (fn.name.value !== '__typename') paths.push(`${prefix}${fn.name.value}(${base})`);
			}
			continue;
		}
		const relatedType = getNamedType(definition.type);
		const relation = field.relation;
		if (!relation || !node.selectionSet || (relation.kind === 'm2o' && !(relatedType instanceof GraphQLObjectType))) {
			paths.push(prefix + name);
			continue;
		}
		const key = node.alias?.value ?? name;
		if (key !== name) level.alias[key] = name;
		let child = level.children.get(key);
		if (!child) level.children.set(key, (child = newLevel()));
		Object.assign(child.args, getArgumentValues(definition, node, walk.variables));
		if (relation.kind === 'm2a') {
			paths.push(prefix + relation.collectionField);
			for (const target of relation.allowed) {
				const targetType = walk.schema.getType(target);
				const targetModel = walk.collections.get(target);
				if (!(targetType instanceof GraphQLObjectType) || !targetModel) continue;
				const before = paths.length;
				collect(walk, targetType, targetModel, node.selectionSet, `${prefix}${key}:${target}.`, child, paths);
				if (paths.length === before) paths.push(`${prefix}${key}:${target}.${targetModel.primary}`);
			}
			continue;
		}
		const relatedModel = walk.collections.get(relation.related);
		if (!(relatedType instanceof GraphQLObjectType) || !relatedModel) continue;
		const before = paths.length;
		collect(walk, relatedType, relatedModel, node.selectionSet, `${prefix}${key}.`, child, paths);
		if (paths.length === before) paths.push(`${prefix}${key}.${relatedModel.primary}`);
	}
}
