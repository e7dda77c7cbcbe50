import { defineEndpoint, type EndpointRequest } from '@mantle/extensions-sdk';

/**
 * `/assets/:id` and `/assets/:id/:filename` (the name is for the browser's sake and ignored):
 * file content with ranges, validators and caching, transformed on request.
 */
export default defineEndpoint<'files'>({
	id: 'assets',
	handler(router, { files }) {
		const serve = async (request: EndpointRequest) => {
			const asset = await files.asset(request.params.id!, { query: request.query, headers: request.headers, accountability: request.accountability });
			return { status: asset.status, headers: asset.headers, body: asset.body };
		};
		router.get('/:id', serve);
		router.get('/:id/:filename', serve);
	},
});
