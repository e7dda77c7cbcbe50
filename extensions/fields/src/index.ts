import { defineEndpoint } from '@mantle/extensions-sdk';

/** `/fields`: the fields of every collection, Directus-compatible. */
export default defineEndpoint<'schema'>({
	id: 'fields',
	handler(router, { schema }) {
		router.get('/', async ({ accountability }) => ({ body: { data: await schema.fields.list(accountability) } }));
		router.get('/:collection', async ({ accountability, params }) => ({ body: { data: await schema.fields.list(accountability, params.collection!) } }));
		router.get('/:collection/:field', async ({ accountability, params }) => ({
			body: { data: await schema.fields.read(accountability, params.collection!, params.field!) },
		}));
		router.post('/:collection', async ({ accountability, params, body }) => ({
			body: { data: await schema.fields.create(accountability, params.collection!, body) },
		}));
		router.patch('/:collection/:field', async ({ accountability, params, body }) => ({
			body: { data: await schema.fields.update(accountability, params.collection!, params.field!, body) },
		}));
		router.delete('/:collection/:field', async ({ accountability, params }) => {
			await schema.fields.delete(accountability, params.collection!, params.field!);
			return { status: 204 };
		});
	},
});
