import type { Readable } from 'node:stream';
import { defineEndpoint } from '@mantle/extensions-sdk';
import { registerHashRoutes } from './hash.js';
import { registerRandomRoutes } from './random.js';
import { registerSortRoutes } from './sort.js';

/** `/utils`: operational helpers — cache, bulk import and export, reverting to a revision. */
export default defineEndpoint<'schema' | 'items' | 'hash'>({
	id: 'utils',
	handler(router, { schema, items, hash }) {
		registerHashRoutes(router, hash);
		registerRandomRoutes(router);
		registerSortRoutes(router, items, schema);

		router.post('/cache/clear', async ({ accountability }) => {
			await schema.clearCache(accountability);
			return { status: 204 };
		});

		// The body is the file itself (application/json or text/csv), read as it streams in.
		router.post(
			'/import/:collection',
			async ({ params, headers, body, accountability, query }) => {
				const filename = typeof query.filename === 'string' ? query.filename : undefined;
				const contentType = typeof headers['content-type'] === 'string' ? headers['content-type'] : undefined;
				const result = await items(params.collection!, { accountability }).import(body as Readable, { contentType, filename });
				return { body: { data: result } };
			},
			{ body: 'stream' },
		);

		router.post('/export/:collection', async ({ params, body, accountability }) => {
			const { format = 'json', query = {} } = (body ?? {}) as { format?: string; query?: Record<string, unknown> };
			const file = await items(params.collection!, { accountability }).export({ ...query, limit: query.limit ?? -1, export: format });
			return { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` }, body: file.stream };
		});

		// Puts the item back as the revision recorded it; the change is itself a new revision.
		router.post('/revert/:revision', async ({ params, accountability }) => {
			const revision = await items('directus_revisions', { accountability }).readOne(params.revision!, { fields: ['collection', 'item', 'data'] });
			const collection = String(revision.collection);
			const service = items(collection, { accountability });
			const { primary } = await service.info();
			const { [primary]: _key, ...data } = (revision.data ?? {}) as Record<string, unknown>;
			await service.updateOne(String(revision.item), data);
			return { status: 204 };
		});
	},
});
