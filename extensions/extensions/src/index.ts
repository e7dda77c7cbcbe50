import { createError, defineEndpoint } from '@mantle/extensions-sdk';

/** `/extensions`: what is installed, its state, and switching extensions on and off. */
export default defineEndpoint({
	id: 'extensions',
	handler(router, { extensions }) {
		if (!extensions) throw createError('INTERNAL', 'The extensions extension needs the extensions capability.');

		router.get('/', async ({ accountability }) => ({ body: { data: await extensions.list(accountability) } }));
		router.post('/reload', async ({ accountability }) => ({ body: { data: await extensions.reload(accountability) } }));
		router.patch('/:name', async ({ accountability, params, body }) => {
			const enabled = (body as { meta?: { enabled?: unknown } } | undefined)?.meta?.enabled;
			if (typeof enabled !== 'boolean') throw createError('INVALID_PAYLOAD', 'Invalid payload. "meta.enabled" must be true or false.');
			return { body: { data: await extensions.setEnabled(accountability, params.name!, enabled) } };
		});
	},
});
