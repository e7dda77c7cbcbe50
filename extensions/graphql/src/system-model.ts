import { GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import type { RequestContext } from './context.js';
import { JsonScalar } from './scalars.js';

type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;
type Args = Record<string, unknown>;

/**
 * The data model's own tables: they are served through the schema service, as `/collections`,
 * `/fields` and `/relations` serve them, never as rows of the tables that describe the model, so
 * creating a collection creates its table and nobody reads more of the model than they may.
 */
export const modelCollections = new Set(['directus_collections', 'directus_fields', 'directus_relations']);

/** System tables no client reads or writes as items: sign-in sessions hold what lets a user in. */
export const hiddenCollections = new Set(['directus_sessions', 'directus_migrations']);

const string = { type: GraphQLString };
const required = { type: new GraphQLNonNull(GraphQLString) };
const json = { type: JsonScalar };
const CollectionType = new GraphQLObjectType({ name: 'directus_collections', fields: { collection: string, meta: json, schema: json } });
const FieldType = new GraphQLObjectType({ name: 'directus_fields', fields: { collection: string, field: string, type: string, meta: json, schema: json } });
const RelationType = new GraphQLObjectType({
	name: 'directus_relations',
	fields: { collection: string, field: string, related_collection: string, meta: json, schema: json },
});
const DeletedCollection = new GraphQLObjectType({ name: 'delete_collection', fields: { collection: string } });
const DeletedField = new GraphQLObjectType({ name: 'delete_field', fields: { collection: string, field: string } });
const list = (type: GraphQLObjectType) => new GraphQLList(type);

/**
 * One part of the data model as the schema service serves it: its type, the keys that name one of
 * it (`collection`, or `collection` and `field`), and those a create takes besides the data.
 */
interface ModelPart {
	name: 'collections' | 'fields' | 'relations';
	type: GraphQLObjectType;
	deleted: GraphQLObjectType;
	keys: string[];
	createKeys: string[];
}

const parts: ModelPart[] = [
	{ name: 'collections', type: CollectionType, deleted: DeletedCollection, keys: ['collection'], createKeys: [] },
	{ name: 'fields', type: FieldType, deleted: DeletedField, keys: ['collection', 'field'], createKeys: ['collection'] },
	{ name: 'relations', type: RelationType, deleted: DeletedField, keys: ['collection', 'field'], createKeys: [] },
];

/** The schema service's calls for one part, taking the key values in order (their number differs by part). */
type Call = (accountability: RequestContext['accountability'], ...values: unknown[]) => Promise<unknown>;
const serviceOf = (context: RequestContext, part: ModelPart) =>
	context.capabilities.schema[part.name] as unknown as { list: Call; read: Call; create: Call; update: Call; delete: Call };
const valuesOf = (args: Args, keys: string[]) => keys.map((key) => String(args[key]));
const argsOf = (keys: string[]) => Object.fromEntries(keys.map((key) => [key, required]));

/** `collections`, `fields`, `relations` and their by-name forms, with Directus's names; each lists what the caller may read. */
export function modelQueries(): Fields {
	const fields: Fields = {};
	for (const part of parts) {
		fields[part.name] = { type: list(part.type), resolve: (_source, _args, context) => serviceOf(context, part).list(context.accountability) };
		// Directus names the one collection's argument `name`; fields and relations go by collection and field.
		const byName = part.name === 'collections' ? ['name'] : part.keys;
		fields[`${part.name}_by_name`] = {
			type: part.type,
			args: argsOf(byName),
			resolve: (_source, args: Args, context) => serviceOf(context, part).read(context.accountability, ...valuesOf(args, byName)),
		};
		if (part.name === 'collections') continue;
		fields[`${part.name}_in_collection`] = {
			type: list(part.type),
			args: argsOf(['collection']),
			resolve: (_source, args: Args, context) => serviceOf(context, part).list(context.accountability, String(args.collection)),
		};
	}
	return fields;
}

/** Changes to the data model, for admins (the schema service refuses anyone else as well). */
export function modelMutations(): Fields {
	const data = { type: new GraphQLNonNull(JsonScalar) };
	const fields: Fields = {};
	for (const part of parts) {
		const item = `${part.name}_item`;
		fields[`create_${item}`] = {
			type: part.type,
			args: { ...argsOf(part.createKeys), data },
			resolve: (_source, args: Args, context) => serviceOf(context, part).create(context.accountability, ...valuesOf(args, part.createKeys), args.data),
		};
		fields[`update_${item}`] = {
			type: part.type,
			args: { ...argsOf(part.keys), data },
			resolve: (_source, args: Args, context) => serviceOf(context, part).update(context.accountability, ...valuesOf(args, part.keys), args.data),
		};
		fields[`delete_${item}`] = {
			type: part.deleted,
			args: argsOf(part.keys),
			resolve: async (_source, args: Args, context) => {
				await serviceOf(context, part).delete(context.accountability, ...valuesOf(args, part.keys));
				return Object.fromEntries(part.keys.map((key) => [key, args[key]]));
			},
		};
	}
	return fields;
}
