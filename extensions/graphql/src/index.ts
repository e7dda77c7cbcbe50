import { defineEndpoint, type EndpointRequest, type GraphqlScope } from '@mantle/extensions-sdk';
import type { RequestContext } from './context.js';
import { Executor, apolloRequest } from './executor.js';
import { serveSubscriptions } from './subscriptions.js';

const header = (request: EndpointRequest, name: string) => {
	const value = request.headers[name];
	return Array.isArray(value) ? value[0] : value;
};

/**
 * `/graphql` (user collections) and `/graphql/system`: a schema generated per permission set
 * from the caller's view of the data model, run on Apollo Server, every field resolved through
 * the data engine exactly as the equivalent REST request would be.
 */
export default defineEndpoint<'graphql' | 'items' | 'auth' | 'server' | 'files' | 'schema' | 'hash'>({
	id: 'graphql',
	handler(router, capabilities) {
		const { graphql, items } = capabilities;
		const executor = new Executor(graphql, capabilities.log);
		graphql.provideSdl((accountability, scope) => executor.sdl(accountability, scope));
		serveSubscriptions(capabilities);

		const serve = (scope: GraphqlScope) => async (request: EndpointRequest) => {
			const context: RequestContext = {
				accountability: request.accountability,
				items,
				capabilities,
				request: { ip: request.accountability.ip, userAgent: header(request, 'user-agent'), origin: header(request, 'origin'), cookies: request.cookies ?? {} },
				responseHeaders: {},
			};
			const answer = await executor.execute(scope, apolloRequest(request.method, request.query, request.body), context);
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
