import { GraphQLBoolean, GraphQLNonNull, GraphQLObjectType, GraphQLString, type GraphQLFieldConfigMap } from 'graphql';
import type { RequestContext } from './context.js';

type Fields = GraphQLFieldConfigMap<unknown, RequestContext>;
type Args = Record<string, unknown>;

const TfaSecretType = new GraphQLObjectType({
	name: 'users_me_tfa_generate_data',
	fields: { secret: { type: GraphQLString }, otpauth_url: { type: GraphQLString } },
});
const required = { type: new GraphQLNonNull(GraphQLString) };

/**
 * Two-factor sign-in for the caller's own account, as `/users/me/tfa/*` does it: there is no
 * argument naming a user, so no caller can reach anyone else's. The kernel checks the password
 * and one-time codes.
 */
export function tfaMutations(): Fields {
	return {
		users_me_tfa_generate: {
			type: TfaSecretType,
			args: { password: required },
			resolve: (_source, args: Args, context) => context.capabilities.auth.tfa.generate(context.accountability, args.password),
		},
		users_me_tfa_enable: {
			type: GraphQLBoolean,
			args: { otp: required, secret: required },
			resolve: async (_source, args: Args, context) => {
				await context.capabilities.auth.tfa.enable(context.accountability, args.secret, args.otp);
				return true;
			},
		},
		users_me_tfa_disable: {
			type: GraphQLBoolean,
			args: { otp: required },
			resolve: async (_source, args: Args, context) => {
				await context.capabilities.auth.tfa.disable(context.accountability, args.otp);
				return true;
			},
		},
	};
}
