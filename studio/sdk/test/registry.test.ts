import test from 'ava';
import { startRegistry } from '../../../registry/test/helpers.js';
import {
	grantExtensionScopes,
	installExtension,
	MantleError,
	readRegistryExtension,
	readRegistryExtensions,
	reinstallExtension,
	uninstallExtension,
} from '../src/index.js';
import { withServer } from './helpers.js';
import { routes } from './shared-routes.js';

(routes.registry ? test : test.skip)(
	'the marketplace commands reach a kernel configured with a real registry, and its refusals arrive as MantleError',
	async (t) => {
		const registry = await startRegistry();
		try {
			await withServer(t, { EXTENSIONS_REGISTRY: registry.url, EXTENSIONS_REQUIRE_SIGNATURE: 'false' }, async ({ admin }) => {
				const envelope = await admin.requestEnvelope(readRegistryExtensions({ limit: 5 }));
				t.true(Array.isArray(envelope.data), 'the marketplace answers a list');
				const unknown = await t.throwsAsync(admin.request(readRegistryExtension('mantle-extension-that-does-not-exist')), { instanceOf: MantleError });
				t.true(unknown!.status === 404 || unknown!.status === 403, `${unknown!.status} ${unknown!.code}`);
				const refused = await t.throwsAsync(admin.request(installExtension('mantle-extension-that-does-not-exist', '1.0.0')), { instanceOf: MantleError });
				t.true(refused!.status >= 400 && refused!.status < 500, `${refused!.status} ${refused!.code}: ${refused!.message}`);
			});
		} finally {
			await registry.stop();
		}
	},
);

(routes.registry ? test : test.skip)(
	"install, grant, reinstall and uninstall a published extension through the SDK, as the Studio's marketplace does",
	async (t) => {
		const { publishExtension, registryEnv } = await import('../../../core/test/helpers/registry.js');
		const registry = await startRegistry();
		try {
			await publishExtension(registry, { name: 'mantle-extension-hello', version: '1.0.0', answer: 'hello', requestedScopes: { log: {} } });
			await withServer(t, registryEnv(registry), async ({ admin, url }) => {
				t.like(await admin.request(installExtension('mantle-extension-hello')), { name: 'mantle-extension-hello', status: 'awaiting-grant' });
				t.like(await admin.request(grantExtensionScopes('mantle-extension-hello')), { status: 'loaded' });
				t.deepEqual(await (await fetch(`${url}/hello/`)).json(), { answer: 'hello' });
				t.like(await admin.request(reinstallExtension('mantle-extension-hello')), { status: 'loaded', version: '1.0.0' });
				await admin.request(uninstallExtension('mantle-extension-hello'));
				t.is((await fetch(`${url}/hello/`)).status, 404);
			});
		} finally {
			await registry.stop();
		}
	},
);
