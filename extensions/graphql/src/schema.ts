import { GraphQLBoolean, GraphQLID, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import type { CallerModel, GraphqlScope } from '@mantle/extensions-sdk';
import type { Collections, RequestContext } from './context.js';
import { inScope, isValidName, rootName } from './names.js';
import { collectionResolvers } from './resolve.js';
import { systemMutations, systemQueries } from './system.js';
import { hiddenCollections, modelCollections, modelMutations, modelQueries } from './system-model.js';
import { schemaMutations, schemaQueries } from './system-schema.js';
import { tfaMutations } from './system-tfa.js';
import { utilsMutations } from './system-utils.js';
import { ModelTypes, nonNullList } from './types.js';

type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;

/** Collections REST serves read-only (`/activity`, `/revisions`): no mutations here either. */
const readOnly = new Set(['directus_activity', 'directus_revisions']);

const DeleteMany = new GraphQLObjectType({ name: 'delete_many', fields: { ids: { type: new GraphQLList(GraphQLID) } } });
const DeleteOne = new GraphQLObjectType({ name: 'delete_one', fields: { id: { type: GraphQLID } } });

/**
 * The schema of one caller on one endpoint, from their model only: a collection, field or
 * mutation they may not use has no name in it, so introspection shows nothing hidden.
 */
export function buildSchema(model: CallerModel, scope: GraphqlScope): GraphQLSchema {
	// The model's own tables are served through the schema service, sessions not at all (system-model.ts).
	const served = model.collections.filter(({ collection }) => !modelCollections.has(collection) && !hiddenCollections.has(collection));
	const collections: Collections = new Map(served.map((collection) => [collection.collection, collection]));
	const types = new ModelTypes(collections);
	const query: Fields = {};
	const mutation: Fields = {};
	for (const collection of served) {
		if (!inScope(collection, scope) || !isValidName(collection.collection)) continue;
		const name = rootName(collection.collection);
		const resolvers = collectionResolvers(collection, collections);
		const object = types.object(collection.collection);
		const id = { type: new GraphQLNonNull(GraphQLID) };
		const ids = { type: new GraphQLNonNull(new GraphQLList(GraphQLID)) };
		const list = types.listArguments(collection.collection);
		// Content versions are of user collections, so Directus offers version reads on `/graphql` only.
		const versioned = scope === 'items' && Boolean(collections.get('directus_versions')?.actions.read);
		const version = { type: GraphQLString };
		if (object) {
			if (collection.singleton)
				query[name] = {
					type: object,
					...(versioned ? { args: { version } } : {}),
					resolve: versioned ? orVersion(resolvers.list, resolvers.byVersion) : resolvers.list,
				};
			else {
				query[name] = { type: nonNullList(object), args: list, resolve: resolvers.list };
				query[`${name}_by_id`] = {
					type: object,
					args: { id, ...(versioned ? { version } : {}) },
					resolve: versioned ? orVersion(resolvers.byId, resolvers.byVersion) : resolvers.byId,
				};
				const aggregated = types.aggregated(collection.collection);
				if (aggregated)
					query[`${name}_aggregated`] = {
						type: nonNullList(aggregated),
						args: { groupBy: { type: new GraphQLList(GraphQLString) }, ...list },
						resolve: resolvers.aggregated,
					};
			}
			if (versioned) {
				query[`${name}_by_version`] = {
					type: object,
					args: { ...(collection.singleton ? {} : { id }), version: { type: new GraphQLNonNull(GraphQLString) } },
					resolve: resolvers.byVersion,
				};
			}
		}
		if (readOnly.has(collection.collection)) continue;
		// Without read access a write answers `true`, as REST answers 204.
		const answer = (type: GraphQLObjectType | GraphQLList<GraphQLObjectType>) => (object ? type : GraphQLBoolean);
		const created = types.input(collection.collection, 'create');
		if (created && !collection.singleton) {
			mutation[`create_${name}_items`] = {
				type: answer(new GraphQLList(object!)),
				args: { ...list, data: { type: new GraphQLList(new GraphQLNonNull(created)) } },
				resolve: writeAnswer(object, resolvers.createItems),
			};
			mutation[`create_${name}_item`] = {
				type: answer(object!),
				args: { data: { type: new GraphQLNonNull(created) } },
				resolve: writeAnswer(object, resolvers.createItem),
			};
		}
		const updated = types.input(collection.collection, 'update');
		if (updated && collection.singleton)
			mutation[`update_${name}`] = {
				type: answer(object!),
				args: { data: { type: new GraphQLNonNull(updated) } },
				resolve: writeAnswer(object, resolvers.updateItems),
			};
		else if (updated) {
			mutation[`update_${name}_items`] = {
				type: answer(new GraphQLList(object!)),
				args: { ...list, ids, data: { type: new GraphQLNonNull(updated) } },
				resolve: writeAnswer(object, resolvers.updateItems),
			};
			mutation[`update_${name}_batch`] = {
				type: answer(new GraphQLList(object!)),
				args: { ...list, data: { type: new GraphQLList(new GraphQLNonNull(updated)) } },
				resolve: writeAnswer(object, resolvers.updateBatch),
			};
			mutation[`update_${name}_item`] = {
				type: answer(object!),
				args: { id, data: { type: new GraphQLNonNull(updated) } },
				resolve: writeAnswer(object, resolvers.updateItem),
			};
		}
		if (collection.actions.delete && !collection.singleton) {
			mutation[`delete_${name}_items`] = { type: DeleteMany, args: { ids }, resolve: resolvers.deleteItems };
			mutation[`delete_${name}_item`] = { type: DeleteOne, args: { id }, resolve: resolvers.deleteItem };
		}
	}
	if (scope === 'system') {
		Object.assign(query, systemQueries(types), modelQueries());
		Object.assign(mutation, systemMutations(types), tfaMutations(), utilsMutations(model.admin));
		// The data model is changed by admins only: others never see these fields.
		if (model.admin) {
			Object.assign(query, schemaQueries());
			Object.assign(mutation, schemaMutations(), modelMutations());
		}
	}
	// A schema needs a query type with at least one field: a caller who may read nothing still gets a valid, empty-handed one.
	if (Object.keys(query).length === 0) query._empty = { type: GraphQLBoolean, resolve: () => null };
	return new GraphQLSchema({
		query: new GraphQLObjectType({ name: 'Query', fields: query }),
		...(Object.keys(mutation).length > 0 ? { mutation: new GraphQLObjectType({ name: 'Mutation', fields: mutation }) } : {}),
	});
}

type Resolver = NonNullable<Fields[string]['resolve']>;

/** `<c>_by_id(id, version)` and `<c>(version)` as Directus reads them: with a version, the item as that version has it. */
function orVersion(main: Resolver, byVersion: Resolver): Resolver {
	return (source, args: Record<string, unknown>, context, info) =>
		typeof args.version === 'string' && args.version !== '' && args.version !== 'main'
			? byVersion(source, args, context, info)
			: main(source, args, context, info);
}

function writeAnswer(object: GraphQLObjectType | undefined, resolve: NonNullable<Fields[string]['resolve']>): NonNullable<Fields[string]['resolve']> {
	if (object) return resolve;
	return async (source, args, context, info) => {
		await resolve(source, args, context, info);
		return true;
	};
}
