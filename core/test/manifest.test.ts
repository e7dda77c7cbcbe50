import test from 'ava';
import { checkHostRange, parseManifest } from '../src/extensions/manifest.js';

const valid = { type: 'endpoint', host: '^0.1.0', source: 'dist/index.js' };

test('a valid manifest is accepted with the sandbox block defaulted', (t) => {
	t.deepEqual(parseManifest('x', valid), valid);
	const sandboxed = parseManifest('x', { ...valid, sandbox: { enabled: true } });
	t.deepEqual(sandboxed.sandbox, { enabled: true, requestedScopes: {} });
});

test('each bad key is named in the message', (t) => {
	t.throws(() => parseManifest('acme-ext', { ...valid, type: 'gadget' }), { message: /acme-ext: invalid "mantle:extension"\.type: must be one of/ });
	t.throws(() => parseManifest('acme-ext', { ...valid, host: 'whenever' }), { message: /\.host: must be a semver range/ });
	t.throws(() => parseManifest('acme-ext', { ...valid, source: '../../etc/passwd' }), { message: /\.source: must be a path inside the extension folder/ });
	t.throws(() => parseManifest('acme-ext', { ...valid, sandbox: { enabled: true, requestedScopes: { shell: {} } } }), {
		message: /sandbox\.requestedScopes\.shell/,
	});
	t.throws(() => parseManifest('acme-ext', { ...valid, colour: 'red' }), { message: /\.colour: .*not allowed/ });
	t.throws(() => parseManifest('acme-ext', undefined), { message: /has no "mantle:extension" block/ });
});

test('a host range the kernel does not satisfy is refused with both versions', (t) => {
	t.notThrows(() => checkHostRange('x', parseManifest('x', valid), '0.1.4'));
	t.throws(() => checkHostRange('acme-ext', parseManifest('acme-ext', { ...valid, host: '^2.0.0' }), '0.1.0'), {
		message: 'acme-ext requires Mantle ^2.0.0, but this is Mantle 0.1.0.',
	});
});
