import { GraphQLObjectType, getNamedType, type GraphQLFieldResolver, type GraphQLResolveInfo } from 'graphql';
import { type Item, type ItemsService, type ModelCollection, type PrimaryKey, type Query } from '@mantle/extensions-sdk';
import type { Collections, RequestContext } from './context.js';
import { fieldsOf, listParameters, queryOfSelection } from './selection.js';
import { readByVersion } from './version-delta.js';

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
	const byVersion: Resolver = (_source, args, context, info) =>
		readByVersion(context, collections, collection, model.singleton ? null : (args.id as PrimaryKey), String(args.version), selection(info));
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
