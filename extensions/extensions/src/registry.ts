import { createError, type ExtensionsCapability, type RegistryCapability, type Router } from '@mantle/extensions-sdk';

function nameOf(body: unknown): string {
	const name = (body as { extension?: unknown } | undefined)?.extension;
	if (typeof name !== 'string' || name === '') throw createError('extensionNameRequired');
	return name;
}

/**
 * `/extensions/registry/*`, as Directus clients call them: browse the configured registry, an
 * extension's page, install (also to update or downgrade: give `version`), reinstall, uninstall;
 * and grant an installed extension the scopes it requests.
 */
export function registerRegistryRoutes(router: Router, extensions: ExtensionsCapability): void {
	const registry = (): RegistryCapability => {
		if (!extensions.registry) throw createError('registryMissing');
		return extensions.registry;
	};
	router.get('/registry', async ({ accountability, query }) => ({ body: await registry().search(accountability, query) }));
	router.get('/registry/extension/:id', async ({ accountability, params }) => ({ body: { data: await registry().detail(accountability, params.id!) } }));
	router.post('/registry/install', async ({ accountability, body }) => {
		const version = (body as { version?: unknown } | undefined)?.version;
		if (version !== undefined && typeof version !== 'string') throw createError('extensionVersionInvalid');
		return { body: { data: await registry().install(accountability, nameOf(body), version) } };
	});
	router.post('/registry/reinstall', async ({ accountability, body }) => ({ body: { data: await registry().reinstall(accountability, nameOf(body)) } }));
	router.post('/registry/grant', async ({ accountability, body }) => ({ body: { data: await registry().grant(accountability, nameOf(body)) } }));
	router.delete('/registry/uninstall/:id', async ({ accountability, params }) => {
		await registry().uninstall(accountability, params.id!);
		return { status: 204 };
	});
}
