import { createError, defineEndpoint } from '@mantle/extensions-sdk';
import { registerRegistryRoutes } from './registry.js';

/** `/extensions`: what is installed, its state, switching extensions on and off, and installing from the registry. */
export default defineEndpoint<'extensions'>({
	id: 'extensions',
	handler(router, { extensions }) {
		router.get('/', async ({ accountability }) => ({ body: { data: await extensions.list(accountability) } }));
		registerRegistryRoutes(router, extensions);
		router.post('/reload', async ({ accountability }) => ({ body: { data: await extensions.reload(accountability) } }));
		router.patch('/:name', async ({ accountability, params, body }) => {
			const meta = (body as { meta?: Record<string, unknown> } | undefined)?.meta ?? {};
			const settings: { enabled?: boolean; trusted?: boolean } = {};
			for (const key of ['enabled', 'trusted'] as const) {
				if (meta[key] === undefined) continue;
				if (typeof meta[key] !== 'boolean') throw createError('payloadNotBoolean', { field: `meta.${key}` });
				settings[key] = meta[key];
			}
			if (Object.keys(settings).length === 0) throw createError('extensionSettingsEmpty');
			return { body: { data: await extensions.update(accountability, params.name!, settings) } };
		});
	},
});
