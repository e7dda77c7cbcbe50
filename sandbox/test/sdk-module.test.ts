import test from 'ava';
import { request, startSandbox } from './helpers/sandbox.js';

/** The SDK's manifest tooling (Joi, semver): for builds and hosts, never called by extension code. */
const toolingExports = [
	'ManifestError',
	'appExtensionTypes',
	'builtModules',
	'checkHostRange',
	'extensionTypes',
	'isServerExtension',
	'parseManifest',
	'scopeNames',
	'serverExtensionTypes',
];

const reportExports = `
import * as sdk from '@mantle/extensions-sdk';
export default sdk.defineEndpoint({ id: 'exports', handler: (router) => {
	router.get('/', () => ({ body: Object.keys(sdk).sort() }));
	router.get('/routes', () => ({ body: typeof sdk.itemsRoutes === 'function' && typeof sdk.ownedRoutes === 'function' }));
	router.get('/error', () => { throw sdk.createError('INVALID_PAYLOAD', 'from the SDK', { field: 'title' }); });
} });`;

test('a sandboxed extension imports exactly the run-time exports a trusted one does', async (t) => {
	const { supervisor } = await startSandbox(t);
	const extension = await supervisor.load({ id: 'exports', type: 'endpoint', code: reportExports, scopes: {} });
	if (extension.type !== 'endpoint') throw new Error('expected an endpoint');
	const inSandbox = (await extension.invoke(0, request())).body as string[];

	const runtime = Object.keys(await import('@mantle/extensions-sdk/runtime')).sort();
	const trusted = Object.keys(await import('@mantle/extensions-sdk'))
		.filter((name) => !toolingExports.includes(name))
		.sort();
	t.deepEqual(inSandbox, runtime);
	t.deepEqual(trusted, runtime, 'the main entry adds only the manifest tooling to the run-time exports');
	t.true(inSandbox.includes('itemsRoutes'));
	t.true((await extension.invoke(1, request())).body as boolean);
});

test("an error built with the sandbox's SDK keeps its code, message and extensions", async (t) => {
	const { supervisor } = await startSandbox(t);
	const extension = await supervisor.load({ id: 'exports', type: 'endpoint', code: reportExports, scopes: {} });
	if (extension.type !== 'endpoint') throw new Error('expected an endpoint');
	const error = await t.throwsAsync(extension.invoke(2, request()));
	t.like(error, { code: 'INVALID_PAYLOAD', message: 'from the SDK', extensions: { field: 'title' } });
});
