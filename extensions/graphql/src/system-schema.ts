import { GraphQLBoolean, GraphQLNonNull, type GraphQLFieldConfigMap } from 'graphql';
import type { RequestContext } from './context.js';
import { JsonScalar } from './scalars.js';

type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;
type Args = Record<string, unknown>;

/**
 * `schema_snapshot` and `schema_diff` (queries: they change nothing) and `schema_apply`, as
 * `/schema/snapshot`, `/schema/diff` and `/schema/apply` answer them; the kernel keeps them to admins.
 */
export function schemaQueries(): Fields {
	return {
		schema_snapshot: {
			type: JsonScalar,
			resolve: (_source, _args, context) => context.capabilities.schema.snapshot(context.accountability),
		},
		schema_diff: {
			type: JsonScalar,
			args: { snapshot: { type: new GraphQLNonNull(JsonScalar) }, force: { type: GraphQLBoolean } },
			// No change answers null, as REST answers 204.
			resolve: async (_source, args: Args, context) => {
				const result = await context.capabilities.schema.diff(context.accountability, args.snapshot, { force: args.force === true });
				const { collections, fields, relations } = result.diff;
				return collections.length + fields.length + relations.length === 0 ? null : result;
			},
		},
	};
}

export function schemaMutations(): Fields {
	return {
		schema_apply: {
			type: GraphQLBoolean,
			args: { data: { type: new GraphQLNonNull(JsonScalar) } },
			resolve: async (_source, args: Args, context) => {
				await context.capabilities.schema.apply(context.accountability, args.data);
				return true;
			},
		},
	};
}
