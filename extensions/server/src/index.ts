import { defineEndpoint } from '@mantle/extensions-sdk';
import { registerGraphqlSpecs } from './specs-graphql.js';
import { registerOasRoute } from './oas.js';

/**
 * `/server/*`: liveness, instance information, health and the OpenAPI document. Runs trusted, so
 * the kernel hands it the `server` capability, and `schema` and `items` for the document.
 */
export default defineEndpoint<'server' | 'schema' | 'items' | 'graphql'>({
	id: 'server',
	handler(router, { server, schema, items, graphql }) {
		registerOasRoute(router, schema, items);

		registerGraphqlSpecs(router, graphql);

		router.get('/ping', () => ({ headers: { 'content-type': 'text/plain; charset=utf-8' }, body: 'pong' }));

		router.get('/info', async ({ accountability }) => ({ body: { data: await server.info(accountability) } }));

		router.get('/health', async ({ accountability }) => {
			const report = await server.health(accountability);
			return {
				status: report.status === 'error' ? 503 : 200,
				headers: { 'content-type': 'application/health+json; charset=utf-8', 'cache-control': 'no-cache' },
				body: report,
			};
		});
	},
});
