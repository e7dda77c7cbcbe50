import { createError, defineEndpoint, itemsRoutes, type EndpointRequest, type FlowsCapability } from '@mantle/extensions-sdk';

/**
 * `/flows`: the flows themselves (as items of `directus_flows`), their webhook and manual
 * triggers at `/flows/trigger/:id`, each flow's logged runs at `/flows/:id/runs`, and the
 * installed operation types with their options schemas at `/flows/operation-types`.
 */
export default defineEndpoint<'items' | 'flows'>({
	id: 'flows',
	handler(router, { items, flows }) {
		const trigger = (request: EndpointRequest) => triggerFlow(flows, request);
		router.get('/trigger/:id', trigger);
		router.post('/trigger/:id', trigger);
		router.get('/operation-types', async ({ accountability }) => ({ body: { data: await flows.operationTypes(accountability) } }));
		router.get('/:id/runs', async (request) => {
			const limit = Number(request.query.limit ?? 50);
			if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw createError('parameterOutOfRange', { parameter: 'limit', min: 1, max: 1000 });
			return { body: { data: await flows.runs(String(request.params.id), request.accountability, limit) } };
		});
		itemsRoutes(router, items, { collection: 'directus_flows' });
	},
});

async function triggerFlow(flows: FlowsCapability, request: EndpointRequest) {
	const { body } = await flows.trigger(String(request.params.id), {
		method: request.method,
		path: request.path,
		query: request.query,
		headers: request.headers,
		body: request.body,
		accountability: request.accountability,
	});
	// An asynchronous flow has started and answers nothing yet.
	if (body === undefined) return { status: 204 };
	return { body: { data: body } };
}
