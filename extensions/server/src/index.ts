import { defineEndpoint } from '@mantle/extensions-sdk';
import { registerGraphqlSpecs } from './specs-graphql.js';
import { registerMailTest } from './mail-test.js';
import { registerOasRoute } from './oas.js';

/**
 * `/server/*`: liveness, instance information, health, the OpenAPI document and a mail test. Runs
 * trusted, so the kernel hands it the `server` capability, `schema` and `items` for the document,
 * and `mail` for the test message.
 */
export default defineEndpoint<'server' | 'schema' | 'items' | 'graphql' | 'mail'>({
	id: 'server',
	handler(router, { server, schema, items, graphql, mail }) {
		registerOasRoute(router, schema, items);
		registerMailTest(router, mail);

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
