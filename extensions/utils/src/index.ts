import { createError, defineEndpoint } from '@mantle/extensions-sdk';

/** `/utils`: operational helpers. */
export default defineEndpoint({
	id: 'utils',
	handler(router, { schema }) {
		if (!schema) throw createError('INTERNAL', 'The utils extension needs the schema capability.');

		router.post('/cache/clear', async ({ accountability }) => {
			await schema.clearCache(accountability);
			return { status: 204 };
		});
	},
});
