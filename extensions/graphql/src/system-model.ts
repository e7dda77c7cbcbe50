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
const schemaOf = (context: RequestContext) => context.capabilities.schema;

/** `collections`, `fields`, `relations` and their by-name forms, with Directus's names; each lists what the caller may read. */
export function modelQueries(): Fields {
	return {
		collections: { type: list(CollectionType), resolve: (_source, _args, context) => schemaOf(context).collections.list(context.accountability) },
		collections_by_name: {
			type: CollectionType,
			args: { name: required },
			resolve: (_source, args: Args, context) => schemaOf(context).collections.read(context.accountability, String(args.name)),
		},
		fields: { type: list(FieldType), resolve: (_source, _args, context) => schemaOf(context).fields.list(context.accountability) },
		fields_in_collection: {
			type: list(FieldType),
			args: { collection: required },
			resolve: (_source, args: Args, context) => schemaOf(context).fields.list(context.accountability, String(args.collection)),
		},
		fields_by_name: {
			type: FieldType,
			args: { collection: required, field: required },
			resolve: (_source, args: Args, context) => schemaOf(context).fields.read(context.accountability, String(args.collection), String(args.field)),
		},
		relations: { type: list(RelationType), resolve: (_source, _args, context) => schemaOf(context).relations.list(context.accountability) },
		relations_in_collection: {
			type: list(RelationType),
			args: { collection: required },
			resolve: (_source, args: Args, context) => schemaOf(context).relations.list(context.accountability, String(args.collection)),
		},
		relations_by_name: {
			type: RelationType,
			args: { collection: required, field: required },
			resolve: (_source, args: Args, context) => schemaOf(context).relations.read(context.accountability, String(args.collection), String(args.field)),
		},
	};
}

/** Changes to the data model, for admins (the schema service refuses anyone else as well). */
export function modelMutations(): Fields {
	const data = { type: new GraphQLNonNull(JsonScalar) };
	return {
		create_collections_item: {
			type: CollectionType,
			args: { data },
			resolve: (_source, args: Args, context) => schemaOf(context).collections.create(context.accountability, args.data),
		},
		update_collections_item: {
			type: CollectionType,
			args: { collection: required, data },
			resolve: (_source, args: Args, context) => schemaOf(context).collections.update(context.accountability, String(args.collection), args.data),
		},
		delete_collections_item: {
			type: DeletedCollection,
			args: { collection: required },
			resolve: async (_source, args: Args, context) => {
				await schemaOf(context).collections.delete(context.accountability, String(args.collection));
				return { collection: args.collection };
			},
		},
		create_fields_item: {
			type: FieldType,
			args: { collection: required, data },
			resolve: (_source, args: Args, context) => schemaOf(context).fields.create(context.accountability, String(args.collection), args.data),
		},
		update_fields_item: {
			type: FieldType,
			args: { collection: required, field: required, data },
			resolve: (_source, args: Args, context) =>
				schemaOf(context).fields.update(context.accountability, String(args.collection), String(args.field), args.data),
		},
		delete_fields_item: {
			type: DeletedField,
			args: { collection: required, field: required },
			resolve: async (_source, args: Args, context) => {
				await schemaOf(context).fields.delete(context.accountability, String(args.collection), String(args.field));
				return { collection: args.collection, field: args.field };
			},
		},
		create_relations_item: {
			type: RelationType,
			args: { data },
			resolve: (_source, args: Args, context) => schemaOf(context).relations.create(context.accountability, args.data),
		},
		update_relations_item: {
			type: RelationType,
			args: { collection: required, field: required, data },
			resolve: (_source, args: Args, context) =>
				schemaOf(context).relations.update(context.accountability, String(args.collection), String(args.field), args.data),
		},
		delete_relations_item: {
			type: DeletedField,
			args: { collection: required, field: required },
			resolve: async (_source, args: Args, context) => {
				await schemaOf(context).relations.delete(context.accountability, String(args.collection), String(args.field));
				return { collection: args.collection, field: args.field };
			},
		},
	};
}
