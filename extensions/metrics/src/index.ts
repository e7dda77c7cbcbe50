import { createError, defineEndpoint, type EndpointRequest } from '@mantle/extensions-sdk';

/**
 * `/metrics`: the kernel's Prometheus metrics (requests by route and status, their durations,
 * the database pool, the process), for admins and for scrapers holding one of METRICS_TOKENS.
 * With METRICS_ENABLED off the route does not exist.
 */
export default defineEndpoint<'metrics'>({
	id: 'metrics',
	handler(router, { metrics }) {
		router.get('/', async (request) => {
			if (!metrics.enabled) throw createError('routeMissing', { path: '/metrics' });
			if (!request.accountability.admin && !metrics.tokenAllowed(bearerOf(request))) {
				throw request.accountability.user ? createError('FORBIDDEN') : createError('metricsAdminOrToken');
			}
			const { contentType, body } = await metrics.render();
			return { headers: { 'content-type': contentType, 'cache-control': 'no-store' }, body };
		});
	},
});

function bearerOf(request: EndpointRequest): string | undefined {
	const header = request.headers.authorization;
	const match = typeof header === 'string' ? /^bearer\s+(\S+)$/i.exec(header) : null;
	if (match) return match[1];
	return typeof request.query.access_token === 'string' ? request.query.access_token : undefined;
}
