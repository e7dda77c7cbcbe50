import { GraphQLBoolean, GraphQLEnumType, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import { createError, setCookie, type AuthCapability, type AuthMode, type AuthTokens, type Item } from '@mantle/extensions-sdk';
import type { RequestContext } from './context.js';
import { BigIntScalar, JsonScalar } from './scalars.js';
import { queryOfSelection } from './selection.js';
import type { ModelTypes } from './types.js';

type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;
type Args = Record<string, unknown>;

const AuthModeType = new GraphQLEnumType({ name: 'auth_mode', values: { json: {}, cookie: {}, session: {} } });
const AuthTokensType = new GraphQLObjectType({
	name: 'auth_tokens',
	fields: { access_token: { type: GraphQLString }, expires: { type: BigIntScalar }, refresh_token: { type: GraphQLString } },
});
const ServerInfoType = new GraphQLObjectType({
	name: 'server_info',
	fields: Object.fromEntries(
		['project', 'node', 'os', 'database', 'queryLimit'].map((name) => [name, { type: JsonScalar }]).concat([['version', { type: GraphQLString }]]),
	),
});
const required = (type: typeof GraphQLString) => ({ type: new GraphQLNonNull(type) });

function authOf(context: RequestContext): AuthCapability {
	return context.capabilities.auth;
}

function userOf(context: RequestContext): string {
	if (!context.accountability.user) throw createError('INVALID_CREDENTIALS');
	return context.accountability.user;
}

/** Tokens answered as `/auth/login` answers them in each mode; cookies go on the HTTP response. */
function answerTokens(context: RequestContext, mode: AuthMode, tokens: AuthTokens) {
	const auth = authOf(context);
	const cookie = (value: string) => (context.responseHeaders['set-cookie'] ??= []).push(value);
	if (mode === 'session') {
		cookie(setCookie(auth.cookies.session, tokens.accessToken));
		return { access_token: null, refresh_token: null, expires: tokens.expires };
	}
	if (mode === 'cookie') {
		cookie(setCookie(auth.cookies.refresh, tokens.refreshToken));
		return { access_token: tokens.accessToken, refresh_token: null, expires: tokens.expires };
	}
	return { access_token: tokens.accessToken, expires: tokens.expires, refresh_token: tokens.refreshToken };
}

function presented(context: RequestContext, args: Args, mode: AuthMode) {
	const auth = authOf(context);
	if (typeof args.refresh_token === 'string' && args.refresh_token !== '') return { refreshToken: args.refresh_token };
	const { cookies } = context.request;
	if (mode === 'session') return { sessionToken: cookies[auth.cookies.session.name] };
	return { refreshToken: cookies[auth.cookies.refresh.name], ...(mode === 'json' ? { sessionToken: cookies[auth.cookies.session.name] } : {}) };
}

const requestContext = (context: RequestContext) => ({ ip: context.request.ip, userAgent: context.request.userAgent, origin: context.request.origin });

/** `/graphql/system` extras beside the collections: the caller's own user and the server's state. */
export function systemQueries(types: ModelTypes): Fields {
	const fields: Fields = {
		server_ping: { type: GraphQLString, resolve: () => 'pong' },
		server_info: {
			type: ServerInfoType,
			resolve: (_source, _args, context) => {
				return context.capabilities.server.info(context.accountability);
			},
		},
		server_health: {
			type: JsonScalar,
			resolve: (_source, _args, context) => {
				return context.capabilities.server.health(context.accountability);
			},
		},
	};
	const users = types.object('directus_users');
	if (users) {
		fields.users_me = {
			type: users,
			resolve: (_source, _args, context, info) =>
				context
					.items('directus_users', { accountability: context.accountability })
					.readOne(userOf(context), queryOfSelection(info, types.collections, 'directus_users')),
		};
	}
	return fields;
}

/** Sign-in, sessions, password resets, invitations and the caller's own user, as `/auth` and `/users` do them. */
export function systemMutations(types: ModelTypes): Fields {
	const done = (action: (args: Args, context: RequestContext) => Promise<unknown>) => async (_source: unknown, args: Args, context: RequestContext) => {
		await action(args, context);
		return true;
	};
	const fields: Fields = {
		auth_login: {
			type: AuthTokensType,
			args: { email: required(GraphQLString), password: required(GraphQLString), mode: { type: AuthModeType }, otp: { type: GraphQLString } },
			resolve: async (_source, args: Args, context) => {
				const mode = (args.mode as AuthMode | undefined) ?? 'json';
				const tokens = await authOf(context).login({ email: args.email, password: args.password, otp: args.otp }, requestContext(context), {
					session: mode === 'session',
				});
				return answerTokens(context, mode, tokens);
			},
		},
		auth_refresh: {
			type: AuthTokensType,
			args: { refresh_token: { type: GraphQLString }, mode: { type: AuthModeType } },
			resolve: async (_source, args: Args, context) => {
				const mode = (args.mode as AuthMode | undefined) ?? (typeof args.refresh_token === 'string' ? 'json' : 'cookie');
				const tokens = await authOf(context).refresh(presented(context, args, mode), requestContext(context), { session: mode === 'session' });
				return answerTokens(context, mode, tokens);
			},
		},
		auth_logout: {
			type: GraphQLBoolean,
			args: { refresh_token: { type: GraphQLString }, mode: { type: AuthModeType } },
			resolve: done(async (args, context) => {
				const auth = authOf(context);
				await auth.logout(presented(context, args, (args.mode as AuthMode | undefined) ?? 'json'));
				(context.responseHeaders['set-cookie'] ??= []).push(setCookie(auth.cookies.refresh, null), setCookie(auth.cookies.session, null));
			}),
		},
		auth_password_request: {
			type: GraphQLBoolean,
			args: { email: required(GraphQLString), reset_url: { type: GraphQLString } },
			resolve: done((args, context) => authOf(context).requestPasswordReset(args.email, args.reset_url)),
		},
		auth_password_reset: {
			type: GraphQLBoolean,
			args: { token: required(GraphQLString), password: required(GraphQLString) },
			resolve: done((args, context) => authOf(context).resetPassword(args.token, args.password)),
		},
		users_invite_accept: {
			type: GraphQLBoolean,
			args: { token: required(GraphQLString), password: required(GraphQLString) },
			resolve: done((args, context) => authOf(context).users.acceptInvite(args)),
		},
		users_register: {
			type: GraphQLBoolean,
			args: {
				email: required(GraphQLString),
				password: required(GraphQLString),
				verification_url: { type: GraphQLString },
				first_name: { type: GraphQLString },
				last_name: { type: GraphQLString },
			},
			resolve: done((args, context) => authOf(context).users.register(args)),
		},
	};
	const collections = types.collections;
	if (collections.get('directus_users')?.actions.create) {
		fields.users_invite = {
			type: GraphQLBoolean,
			args: { email: required(GraphQLString), role: required(GraphQLString), invite_url: { type: GraphQLString } },
			resolve: done((args, context) => authOf(context).users.invite(context.accountability, args)),
		};
	}
	const users = types.object('directus_users');
	const userChanges = types.input('directus_users', 'update');
	if (users && userChanges) {
		fields.update_users_me = {
			type: users,
			args: { data: { type: userChanges } },
			resolve: async (_source, args: Args, context, info) => {
				const service = context.items('directus_users', { accountability: context.accountability });
				await service.updateOne(userOf(context), (args.data as Item | undefined) ?? {});
				return service.readOne(userOf(context), queryOfSelection(info, collections, 'directus_users'));
			},
		};
	}
	const files = types.object('directus_files');
	const fileData = types.input('directus_files', 'create');
	if (files && fileData) {
		fields.import_file = {
			type: files,
			args: { url: required(GraphQLString), data: { type: fileData } },
			resolve: async (_source, args: Args, context, info) => {
				const key = await context.capabilities.files.import(
					{ url: String(args.url), data: args.data as Item | undefined },
					{ accountability: context.accountability },
				);
				return context.items('directus_files', { accountability: context.accountability }).readOne(key, queryOfSelection(info, collections, 'directus_files'));
			},
		};
	}
	return fields;
}
