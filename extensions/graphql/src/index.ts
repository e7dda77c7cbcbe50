import { defineEndpoint, type EndpointRequest, type GraphqlScope } from '@mantle/extensions-sdk';
import type { RequestContext } from './context.js';
import type { Executor, apolloRequest } from './executor.js';
import { deferredSocketServer } from './deferred-sockets.js';

const header = (request: EndpointRequest, name: string) => {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
};

/**
 * `/graphql` (user collections) and `/graphql/system`: a schema generated per permission set
 * from the caller's view of the data model, run on Apollo Server, every field resolved through
 * the data engine exactly as the equivalent REST request would be.
 *
 * Apollo Server, graphql-js and graphql-ws are loaded by the first GraphQL request, SDL or socket,
 * not at start: they were a third of what the kernel loaded before it could answer anything.
 */
export default defineEndpoint<'graphql' | 'items' | 'auth' | 'server' | 'files' | 'schema' | 'hash'>({
	id: 'graphql',
	handler(router, capabilities) {
		const { graphql, items } = capabilities;
		let loading: Promise<{ executor: Executor; apolloRequest: typeof apolloRequest }> | undefined;
		// A failed load is tried again by the next request rather than kept.
		const executor = () =>
			(loading ??= import('./executor.js').then(
				(module) => ({ executor: new module.Executor(graphql, capabilities.log), apolloRequest: module.apolloRequest }),
				(error: unknown) => {
					loading = undefined;
					throw error;
				},
			));
		graphql.provideSdl(async (accountability, scope) => (await executor()).executor.sdl(accountability, scope));
		const { subscriptions } = graphql;
		if (subscriptions)
			subscriptions.provideSockets(deferredSocketServer(async () => (await import('./subscriptions.js')).subscriptionServer(capabilities, subscriptions)));

		const serve = (scope: GraphqlScope) => async (request: EndpointRequest) => {
			const context: RequestContext = {
				accountability: request.accountability,
				items,
				capabilities,
				request: { ip: request.accountability.ip, userAgent: header(request, 'user-agent'), origin: header(request, 'origin'), cookies: request.cookies ?? {} },
				responseHeaders: {},
			};
			const { executor: run, apolloRequest } = await executor();
			const answer = await run.execute(scope, apolloRequest(request.method, request.query, request.body), context);
			return {
				status: answer.status,
				headers: { ...answer.headers, 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...context.responseHeaders },
				body: answer.body,
			};
		};
		router.get('/', serve('items'));
		router.post('/', serve('items'));
		router.get('/system', serve('system'));
		router.post('/system', serve('system'));
	},
});
