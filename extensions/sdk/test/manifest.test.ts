import test from 'ava';
import { builtModules, parseManifest } from '../src/manifest.js';

const bundle = {
	type: 'bundle',
	host: '^0.1.0',
	source: 'dist',
	entries: [
		{ type: 'endpoint', name: 'api' },
		{ type: 'panel', name: 'chart' },
	],
};

test('a bundle lists its entries, each built to <source>/<name>.js', (t) => {
	const manifest = parseManifest('kit', bundle);
	t.deepEqual(builtModules(manifest), [
		{ type: 'endpoint', name: 'api', source: 'dist/api.js' },
		{ type: 'panel', name: 'chart', source: 'dist/chart.js' },
	]);
});

test('bundle rules name the bad key', (t) => {
	t.throws(() => parseManifest('kit', { ...bundle, entries: undefined }), { message: 'kit: invalid "mantle:extension".entries: is required.' });
	t.throws(() => parseManifest('kit', { ...bundle, entries: [] }), { message: /\.entries: must contain at least 1 items/ });
	t.throws(() => parseManifest('kit', { ...bundle, entries: [{ type: 'bundle', name: 'x' }] }), { message: /\.entries\.0\.type: must be one of/ });
	t.throws(() => parseManifest('kit', { ...bundle, entries: [{ type: 'hook', name: 'Bad Name' }] }), {
		message: /\.entries\.0\.name: must be lower-case letters/,
	});
	t.throws(
		() =>
			parseManifest('kit', {
				...bundle,
				entries: [
					{ type: 'hook', name: 'a' },
					{ type: 'panel', name: 'a' },
				],
			}),
		{ message: /\.entries\.1: repeats the name of another entry/ },
	);
	t.throws(() => parseManifest('kit', { ...bundle, sandbox: { enabled: true } }), { message: /\.sandbox: is not allowed on a bundle/ });
	t.throws(() => parseManifest('solo', { type: 'hook', host: '^0.1.0', source: 'index.js', entries: [] }), {
		message: /\.entries: is only allowed on a bundle/,
	});
});

test('server entries of a bundle may ask for a sandbox, app entries may not', (t) => {
	const withSandbox = (type: string) => ({ ...bundle, entries: [{ type, name: 'x', sandbox: { enabled: true, requestedScopes: { log: {} } } }] });
	t.deepEqual(parseManifest('kit', withSandbox('operation')).entries![0]!.sandbox, { enabled: true, requestedScopes: { log: {} } });
	t.throws(() => parseManifest('kit', withSandbox('interface')), { message: /\.entries\.0\.sandbox: is not allowed: app extensions run in the Studio/ });
});

test('app extension types may not request a sandbox; server types may', (t) => {
	for (const type of ['interface', 'display', 'layout', 'panel']) {
		t.throws(() => parseManifest('ui', { type, host: '^0.1.0', source: 'dist/index.js', sandbox: { enabled: false } }), {
			message: `ui: invalid "mantle:extension".sandbox: is not allowed: app extensions run in the Studio, never in a sandbox.`,
		});
	}
	for (const type of ['endpoint', 'hook', 'operation']) {
		t.notThrows(() => parseManifest('srv', { type, host: '^0.1.0', source: 'dist/index.js', sandbox: { enabled: true } }));
	}
});

test('each requested scope has the shape the sandbox enforces, and a bad one is named', (t) => {
	const withScopes = (requestedScopes: unknown) => ({
		type: 'operation',
		host: '^0.1.0',
		source: 'dist/index.js',
		sandbox: { enabled: true, requestedScopes },
	});
	const good = {
		log: {},
		sleep: {},
		env: { keys: ['API_KEY'] },
		request: { urls: ['https://api.example.com/**'], methods: ['GET', 'POST'] },
		items: { collections: ['articles'], actions: ['read'] },
	};
	t.deepEqual(parseManifest('op', withScopes(good)).sandbox!.requestedScopes, good);
	t.throws(() => parseManifest('op', withScopes({ request: { methods: ['GET'] } })), {
		message: 'op: invalid "mantle:extension".sandbox.requestedScopes.request.urls: is required.',
	});
	t.throws(() => parseManifest('op', withScopes({ request: { urls: ['https://x.test/*'], methods: ['get'] } })), {
		message: /\.request\.methods\.0: must be one of/,
	});
	t.throws(() => parseManifest('op', withScopes({ items: { collections: ['articles'], actions: ['drop'] } })), {
		message: /\.items\.actions\.0: must be one of \[read, create, update, delete\]/,
	});
	t.throws(() => parseManifest('op', withScopes({ env: { variables: ['X'] } })), { message: /\.env\.keys: is required/ });
	t.throws(() => parseManifest('op', withScopes({ log: { level: 'debug' } })), { message: /\.log\.level: is not allowed/ });
});

test('a server extension declares the kernel capabilities it needs; the list is checked for shape', (t) => {
	const endpoint = { type: 'endpoint', host: '^0.1.0', source: 'dist/index.js' };
	t.deepEqual(parseManifest('roles', { ...endpoint, capabilities: ['items', 'auth'] }).capabilities, ['items', 'auth']);
	t.is(parseManifest('roles', endpoint).capabilities, undefined);
	t.throws(() => parseManifest('roles', { ...endpoint, capabilities: 'items' }), {
		message: 'roles: invalid "mantle:extension".capabilities: must be an array.',
	});
	t.throws(() => parseManifest('roles', { ...endpoint, capabilities: ['items', 'items'] }), { message: /\.capabilities\.1: names a capability twice/ });
	t.throws(() => parseManifest('roles', { ...endpoint, capabilities: ['Items!'] }), {
		message: /\.capabilities\.0: must be a capability name such as "items"/,
	});
	t.throws(() => parseManifest('chart', { type: 'panel', host: '^0.1.0', source: 'dist/index.js', capabilities: ['items'] }), {
		message: /\.capabilities: is only allowed on endpoint, hook and operation extensions/,
	});
});
