import { defineEndpoint } from '@mantle/extensions-sdk';

/** `/relations`: M2O, O2M, M2M and M2A relations between collections, Directus-compatible. */
export default defineEndpoint<'schema'>({
	id: 'relations',
	handler(router, { schema }) {
		router.get('/', async ({ accountability }) => ({ body: { data: await schema.relations.list(accountability) } }));
		router.get('/:collection', async ({ accountability, params }) => ({ body: { data: await schema.relations.list(accountability, params.collection!) } }));
		router.get('/:collection/:field', async ({ accountability, params }) => ({
			body: { data: await schema.relations.read(accountability, params.collection!, params.field!) },
		}));
		router.post('/', async ({ accountability, body }) => ({ body: { data: await schema.relations.create(accountability, body) } }));
		router.patch('/:collection/:field', async ({ accountability, params, body }) => ({
			body: { data: await schema.relations.update(accountability, params.collection!, params.field!, body) },
		}));
		router.delete('/:collection/:field', async ({ accountability, params }) => {
			await schema.relations.delete(accountability, params.collection!, params.field!);
			return { status: 204 };
		});
	},
});
