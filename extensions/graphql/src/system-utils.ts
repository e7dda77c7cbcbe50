import { GraphQLBoolean, GraphQLID, GraphQLInt, GraphQLNonNull, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import { createError, moveItem } from '@mantle/extensions-sdk';
import type { RequestContext } from './context.js';

type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;
type Args = Record<string, unknown>;

const required = <T extends typeof GraphQLString | typeof GraphQLID>(type: T) => ({ type: new GraphQLNonNull(type) });
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const maxLength = 500;

function signedIn(context: RequestContext): void {
	if (!context.accountability.user) throw createError('FORBIDDEN');
}

/**
 * `utils_*` mutations, as Directus names them: what `/utils` does, with the same checks (hashing
 * is for signed-in users, clearing the cache for admins, sorting and reverting through the
 * caller's item permissions). Clearing the cache is for admins, so only their schema has it.
 */
export function utilsMutations(admin: boolean): Fields {
	const fields: Fields = {
		utils_random_string: {
			type: GraphQLString,
			args: { length: { type: GraphQLInt } },
			resolve: (_source, args: Args) => {
				const length = (args.length as number | null | undefined) ?? 32;
				if (length < 1 || length > maxLength) throw createError('parameterOutOfRange', { parameter: 'length', min: 1, max: maxLength });
				// 64 symbols: a byte's low six bits pick one without bias.
				let text = '';
				for (const byte of crypto.getRandomValues(new Uint8Array(length))) text += alphabet[byte & 63];
				return text;
			},
		},
		utils_hash_generate: {
			type: GraphQLString,
			args: { string: required(GraphQLString) },
			resolve: (_source, args: Args, context) => {
				signedIn(context);
				return context.capabilities.hash.generate(args.string as string);
			},
		},
		utils_hash_verify: {
			type: GraphQLBoolean,
			args: { string: required(GraphQLString), hash: required(GraphQLString) },
			resolve: (_source, args: Args, context) => {
				signedIn(context);
				return context.capabilities.hash.verify(args.string as string, args.hash as string);
			},
		},
		utils_sort: {
			type: GraphQLBoolean,
			args: { collection: required(GraphQLString), item: required(GraphQLID), to: required(GraphQLID) },
			resolve: async (_source, args: Args, context) => {
				const capabilities = { items: context.items, schema: context.capabilities.schema };
				await moveItem(capabilities, context.accountability, args.collection as string, args.item, args.to);
				return true;
			},
		},
		// Puts the item back as the revision recorded it; the change is itself a new revision.
		utils_revert: {
			type: GraphQLBoolean,
			args: { revision: required(GraphQLID) },
			resolve: async (_source, args: Args, context) => {
				const { accountability } = context;
				const revision = await context
					.items('directus_revisions', { accountability })
					.readOne(args.revision as string, { fields: ['collection', 'item', 'data'] });
				const service = context.items(String(revision.collection), { accountability });
				const { primary } = await service.info();
				const { [primary]: _key, ...data } = (revision.data ?? {}) as Record<string, unknown>;
				await service.updateOne(String(revision.item), data);
				return true;
			},
		},
	};
	if (admin)
		fields.utils_cache_clear = {
			type: GraphQLBoolean,
			resolve: async (_source, _args, context) => {
				await context.capabilities.schema.clearCache(context.accountability);
				return true;
			},
		};
	return fields;
}
