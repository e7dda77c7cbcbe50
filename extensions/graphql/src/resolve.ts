import { GraphQLObjectType, getNamedType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { createError, type Item, type ItemsService, type ModelCollection, type PrimaryKey, type Query } from '@mantle/extensions-sdk';
import type { Collections, RequestContext } from './context.js';
import { fieldsOf, listParameters, queryOfSelection } from './selection.js';

type Args = Record<string, unknown>;
type Resolver = GraphQLFieldResolver<unknown, RequestContext, Args>;

const serviceOf = (context: RequestContext, collection: string): ItemsService => context.items(collection, { accountability: context.accountability });

/** The items a write touched, read back as the selection asks; null where the caller may write but not read them, as REST answers 204. */
async function readBack<T>(read: () => Promise<T>): Promise<T | null> {
	try {
		return await read();
	} catch (error) {
		if ((error as { code?: unknown }).code === 'FORBIDDEN') return null;
		throw error;
	}
}

/** Root fields of one collection: list, by id, by version, aggregated, and the writes. */
export function collectionResolvers(model: ModelCollection, collections: Collections) {
	const { collection } = model;
	const selection = (info: GraphQLResolveInfo): Query => queryOfSelection(info, collections, collection);
	const readMany = (context: RequestContext, keys: PrimaryKey[], info: GraphQLResolveInfo, args: Args) =>
		readBack(() => serviceOf(context, collection).readMany(keys, { ...selection(info), ...listParameters(args) }));
	const readOne = (context: RequestContext, key: PrimaryKey, info: GraphQLResolveInfo) =>
		readBack(() => serviceOf(context, collection).readOne(key, selection(info)));

	const list: Resolver = (_source, args, context, info) => {
		const service = serviceOf(context, collection);
		if (model.singleton) return service.readSingleton(selection(info));
		return service.readByQuery({ ...selection(info), ...listParameters(args) });
	};
	const byId: Resolver = (_source, args, context, info) => serviceOf(context, collection).readOne(args.id as PrimaryKey, selection(info));
	const byVersion: Resolver = async (_source, args, context, info) => {
		const query = selection(info);
		const service = serviceOf(context, collection);
		const key = model.singleton ? null : String(args.id);
		const item = key === null ? await service.readSingleton(query) : await service.readOne(key, query);
		const versions = await serviceOf(context, 'directus_versions').readByQuery({
			fields: ['delta'],
			filter: {
				collection: { _eq: context.names?.realCollection(collection) ?? collection },
				key: { _eq: args.version },
				...(key === null ? {} : { item: { _eq: key } }),
			},
			limit: 1,
		});
		// A version that does not exist, or that the caller may not read, is refused as any unreadable item is.
		if (versions.length === 0) throw createError('FORBIDDEN');
		const delta = deltaOf(versions[0]!.delta);
		return withDelta(context, model, collections, item, query, context.names?.itemOf(collection, delta) ?? delta);
	};
	const aggregated: Resolver = async (_source, args, context, info) => {
		const { aggregate, groupKeys } = aggregateOfSelection(info);
		const groupBy = (args.groupBy as string[] | undefined) ?? [];
		const rows = await serviceOf(context, collection).readByQuery({ ...listParameters(args), aggregate, ...(groupBy.length > 0 ? { groupBy } : {}) });
		const keys = groupBy.map(groupKeys);
		return rows.map((row) => ({ ...row, group: Object.fromEntries(keys.map((key) => [key, row[key] ?? null])) }));
	};

	const createItems: Resolver = async (_source, args, context, info) => {
		const keys = await serviceOf(context, collection).createMany((args.data as Item[] | undefined) ?? []);
		return readMany(context, keys, info, args);
	};
	const createItem: Resolver = async (_source, args, context, info) =>
		readOne(context, await serviceOf(context, collection).createOne(args.data as Item), info);
	const updateItems: Resolver = async (_source, args, context, info) => {
		const service = serviceOf(context, collection);
		if (model.singleton) {
			await service.upsertSingleton(args.data as Item);
			return readBack(() => service.readSingleton(selection(info)));
		}
		return readMany(context, await service.updateMany(args.ids as PrimaryKey[], args.data as Item), info, args);
	};
	const updateBatch: Resolver = async (_source, args, context, info) =>
		readMany(context, await serviceOf(context, collection).updateBatch(args.data as Item[]), info, args);
	const updateItem: Resolver = async (_source, args, context, info) =>
		readOne(context, await serviceOf(context, collection).updateOne(args.id as PrimaryKey, args.data as Item), info);
	const deleteItems: Resolver = async (_source, args, context) => ({ ids: await serviceOf(context, collection).deleteMany(args.ids as PrimaryKey[]) });
	const deleteItem: Resolver = async (_source, args, context) => ({ id: await serviceOf(context, collection).deleteOne(args.id as PrimaryKey) });

	return { list, byId, byVersion, aggregated, createItems, createItem, updateItems, updateBatch, updateItem, deleteItems, deleteItem };
}

/**
 * `count { id } sum { views } countAll` → REST's `aggregate`; groups are read back under the names
 * REST gives them (`published_on_year` for `year(published_on)`).
 */
function aggregateOfSelection(info: GraphQLResolveInfo): { aggregate: NonNullable<Query['aggregate']>; groupKeys: (path: string) => string } {
	const aggregate: Record<string, string[]> = {};
	const walk = { fragments: info.fragments, variables: info.variableValues };
	const type = getNamedType(info.returnType) as GraphQLObjectType;
	for (const node of info.fieldNodes) {
		if (!node.selectionSet) continue;
		for (const field of fieldsOf(walk, type.name, node.selectionSet)) {
			const fn = field.name.value;
			if (fn === 'group' || fn === '__typename') continue;
			if (fn === 'countAll') {
				aggregate.countAll = ['*'];
				continue;
			}
			const measured = getNamedType(type.getFields()[fn]?.type);
			if (!field.selectionSet || !(measured instanceof GraphQLObjectType)) continue;
			for (const inner of fieldsOf(walk, measured.name, field.selectionSet)) {
				if (inner.name.value !== '__typename') aggregate[fn] = [...new Set([...(aggregate[fn] ?? []), inner.name.value])];
			}
		}
	}
	if (Object.keys(aggregate).length === 0) aggregate.countAll = ['*'];
	const groupKeys = (path: string) => {
		const fn = /^([A-Za-z]+)\((.+)\)$/.exec(path);
		return fn ? `${fn[2]}_${fn[1]}` : path;
	};
	return { aggregate: aggregate as NonNullable<Query['aggregate']>, groupKeys };
}

function deltaOf(value: unknown): Item {
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Item) : {};
}

/**
 * The item as the version has it: its saved changes over the main item, for the fields the
 * selection asked for. A many-to-one the version points elsewhere is read anew (with the caller's
 * permissions, as the selection asks); a one-to-many's pending changes are not items yet, so
 * the main item's related items stay.
 */
async function withDelta(context: RequestContext, model: ModelCollection, collections: Collections, item: Item, query: Query, delta: Item): Promise<Item> {
	const result: Item = { ...item };
	for (const [field, value] of Object.entries(delta)) {
		if (!(field in item)) continue;
		const relation = model.fields.find((entry) => entry.field === field)?.relation;
		const nested = item[field] !== null && typeof item[field] === 'object';
		if (!relation) result[field] = value;
		else if (relation.kind === 'm2o' && !nested) result[field] = value;
		else if (relation.kind === 'm2o' && (value === null || typeof value === 'string' || typeof value === 'number'))
			result[field] =
				value === null
					? null
					: await readBack(() => serviceOf(context, relation.related).readOne(value, nestedQuery(query, field, collections, relation.related)));
	}
	return result;
}

/** The part of a query below one relational field, as a query of its own. */
function nestedQuery(query: Query, field: string, collections: Collections, related: string): Query {
	const prefix = `${field}.`;
	const fields = (query.fields ?? []).filter((path) => path.startsWith(prefix)).map((path) => path.slice(prefix.length));
	const deep = (query.deep as Record<string, Record<string, unknown>> | undefined)?.[field] ?? {};
	const inner = Object.fromEntries(Object.entries(deep).filter(([key]) => !key.startsWith('_')));
	return {
		fields: fields.length > 0 ? fields : [collections.get(related)?.primary ?? 'id'],
		...(deep._alias ? { alias: deep._alias as Query['alias'] } : {}),
		...(Object.keys(inner).length > 0 ? { deep: inner as Query['deep'] } : {}),
	};
}
