import test from 'ava';
import { startRegistry } from '../../../registry/test/helpers.js';
import { installExtension, MantleError, readRegistryExtension, readRegistryExtensions } from '../src/index.js';
import { withServer } from './helpers.js';
import { routes } from './shared-routes.js';

(routes.registry ? test : test.skip)('the marketplace commands reach a kernel configured with a real registry, and its refusals arrive as MantleError', async (t) => {
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
});
