import type { Readable } from 'node:stream';
import {
	createError,
	defineEndpoint,
	itemsRoutes,
	type EndpointRequest,
	type EndpointResponse,
	type ItemsService,
	type PrimaryKey,
} from '@mantle/extensions-sdk';

/**
 * `/files`, Directus-compatible: reads through the items routes, uploads (multipart, streamed),
 * imports by URL, content replacement and deletion through the `files` capability, which keeps
 * rows and stored content together.
 */
export default defineEndpoint<'items' | 'files'>({
	id: 'files',
	handler(router, { items, files }) {
		const service = (request: EndpointRequest) => items('directus_files', { accountability: request.accountability });
		const contentType = (request: EndpointRequest) => (typeof request.headers['content-type'] === 'string' ? request.headers['content-type'] : undefined);

		itemsRoutes(router, items, { collection: 'directus_files', readOnly: true });

		router.post(
			'/',
			async (request) => {
				const keys = await files.upload({ body: request.body as Readable, contentType: contentType(request), accountability: request.accountability });
				return written(service(request), keys, request, keys.length > 1);
			},
			{ body: 'stream' },
		);

		router.post('/import', async (request) => {
			const body = (request.body ?? {}) as { url?: unknown; data?: unknown };
			if (typeof body.url !== 'string') throw createError('fieldRequired', { field: 'url' });
			const data = typeof body.data === 'object' && body.data !== null && !Array.isArray(body.data) ? (body.data as Record<string, unknown>) : undefined;
			const key = await files.import({ url: body.url, data }, { accountability: request.accountability });
			return written(service(request), [key], request, false);
		});

		router.patch('/', async (request) => {
			const body = request.body;
			const target = service(request);
			if (Array.isArray(body)) return written(target, await target.updateBatch(body as never), request, true);
			if (isObject(body) && Array.isArray(body.keys) && isObject(body.data))
				return written(target, await target.updateMany(body.keys as PrimaryKey[], body.data), request, true);
			throw createError('bodyNotFileBatch');
		});

		// Multipart replaces the content, JSON changes fields: the body is read by the capability, which knows which.
		router.patch(
			'/:pk',
			async (request) => {
				const key = await files.update(request.params.pk!, {
					body: request.body as Readable,
					contentType: contentType(request),
					accountability: request.accountability,
				});
				return written(service(request), [key], request, false);
			},
			{ body: 'stream' },
		);

		router.delete('/', async (request) => {
			const body = request.body;
			const keys = Array.isArray(body) ? body : isObject(body) && Array.isArray(body.keys) ? body.keys : undefined;
			if (!keys) throw createError('bodyNotKeys');
			await files.delete(keys as PrimaryKey[], { accountability: request.accountability });
			return { status: 204 };
		});

		router.delete('/:pk', async (request) => {
			await files.delete([request.params.pk!], { accountability: request.accountability });
			return { status: 204 };
		});
	},
});

/** The written files as the request's `fields` ask; 204 when the caller may write but not read them. */
async function written(service: ItemsService, keys: PrimaryKey[], request: EndpointRequest, many: boolean): Promise<EndpointResponse> {
	try {
		if (!many) return { body: { data: await service.readOne(keys[0]!, request.query) } };
		// Reads come back in the collection's order; clients expect the order they sent the files in.
		const rows = await service.readMany(keys, request.query);
		const position = new Map(keys.map((key, index) => [String(key), index]));
		const order = (row: Record<string, unknown>) => position.get(String(row.id)) ?? keys.length;
		return { body: { data: rows.sort((a, b) => order(a) - order(b)) } };
	} catch (error) {
		if ((error as { code?: string }).code === 'FORBIDDEN') return { status: 204 };
		throw error;
	}
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
