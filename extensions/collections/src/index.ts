import { defineEndpoint } from '@mantle/extensions-sdk';

/** `/collections`: the data model's collections, Directus-compatible. */
export default defineEndpoint<'schema'>({
	id: 'collections',
	handler(router, { schema }) {
		router.get('/', async ({ accountability }) => ({ body: { data: await schema.collections.list(accountability) } }));
		router.get('/:collection', async ({ accountability, params }) => ({ body: { data: await schema.collections.read(accountability, params.collection!) } }));
		router.post('/', async ({ accountability, body }) => ({ body: { data: await schema.collections.create(accountability, body) } }));
		router.patch('/:collection', async ({ accountability, params, body }) => ({
			body: { data: await schema.collections.update(accountability, params.collection!, body) },
		}));
		router.delete('/:collection', async ({ accountability, params }) => {
			await schema.collections.delete(accountability, params.collection!);
			return { status: 204 };
		});
	},
});
