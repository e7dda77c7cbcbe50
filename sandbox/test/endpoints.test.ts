import test from 'ava';
import { SandboxError } from '../src/index.js';
import { caller, loadEndpoint, request, startSandbox } from './helpers/sandbox.js';

const echo = `
	router.get('/', (req) => ({ body: { hello: req.query.name } }));
	router.post('/items/:id', async (req) => ({ status: 201, headers: { 'x-echo': req.params.id }, body: { id: req.params.id, body: req.body, user: req.accountability.user } }));
	router.delete('/items/:id', () => undefined);
	router.get('/forbidden', () => { throw createError('FORBIDDEN', 'You may not see this.', { reason: 'role' }); });
	router.get('/plain', () => { throw new Error('something broke'); });
	router.get('/bad-status', () => ({ status: 42 }));
`;

test('an endpoint reports its id and routes, and answers a request with status, headers and body', async (t) => {
	const { supervisor } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, echo, {}, 'echo');
	t.is(endpoint.endpointId, 'echo');
	t.deepEqual(endpoint.routes.slice(0, 3), [
		{ method: 'GET', path: '/' },
		{ method: 'POST', path: '/items/:id' },
		{ method: 'DELETE', path: '/items/:id' },
	]);
	t.is(supervisor.status('echo'), 'loaded');

	t.deepEqual(await endpoint.invoke(0, request({ query: { name: 'Ada' } })), { status: 200, headers: {}, body: { hello: 'Ada' } });
	const created = await endpoint.invoke(1, request({ method: 'POST', path: '/items/7', params: { id: '7' }, body: { title: 'x' } }));
	t.deepEqual(created, { status: 201, headers: { 'x-echo': '7' }, body: { id: '7', body: { title: 'x' }, user: caller.user } });
	t.deepEqual(await endpoint.invoke(2, request({ method: 'DELETE' })), { status: 204, headers: {}, body: undefined });
});

test('createError keeps its code, message and extensions across the boundary, without a host stack', async (t) => {
	const { supervisor } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, echo, {}, 'echo');
	const error = await t.throwsAsync(endpoint.invoke(3, request()), { instanceOf: SandboxError });
	t.is(error.code, 'FORBIDDEN');
	t.is(error.message, 'You may not see this.');
	t.deepEqual(error.extensions, { reason: 'role' });
	t.false(String(error.stack).includes(' at '), 'no stack frames cross the boundary');

	const plain = await t.throwsAsync(endpoint.invoke(4, request()), { instanceOf: SandboxError });
	t.is(plain.code, 'INTERNAL', 'an error without a code is internal');
	t.is(plain.message, 'something broke');

	const bad = await t.throwsAsync(endpoint.invoke(5, request()));
	t.is((bad as SandboxError).code, 'INVALID_EXTENSION');
	t.deepEqual((await endpoint.invoke(0, request())).status, 200, 'the endpoint still answers');
});

test('an extension that cannot be loaded is refused with a clear code and reported failed', async (t) => {
	const { supervisor } = await startSandbox(t);
	const cases = [
		['import fs from "node:fs"; export default { id: "x", handler() {} };', /can import only @mantle\/extensions-sdk/],
		['export default defineEndpoint({ id: "x" ', /./],
		['export default { id: "Not Valid", handler() {} };', /endpoint id/],
		['export default { id: "x" };', /defineEndpoint/],
	] as const;
	for (const [index, [code, message]] of cases.entries()) {
		const error = await t.throwsAsync(supervisor.load({ id: `broken-${index}`, type: 'endpoint', code, scopes: {} }), { message });
		t.is((error as SandboxError).code, 'INVALID_EXTENSION', code);
		t.is(supervisor.status(`broken-${index}`), 'failed');
		t.truthy(supervisor.failure(`broken-${index}`));
	}
	const healthy = await loadEndpoint(supervisor, echo, {}, 'echo');
	t.is((await healthy.invoke(0, request())).status, 200);
});

test('an unloaded extension no longer answers, and loading the same id again replaces it', async (t) => {
	const { supervisor } = await startSandbox(t);
	const first = await loadEndpoint(supervisor, `router.get('/', () => ({ body: 1 }));`, {}, 'swap');
	const second = await loadEndpoint(supervisor, `router.get('/', () => ({ body: 2 }));`, {}, 'swap');
	t.is((await second.invoke(0, request())).body, 2);
	await supervisor.unload('swap');
	t.is(supervisor.status('swap'), undefined);
	const error = await t.throwsAsync(first.invoke(0, request()));
	t.is((error as SandboxError).code, 'SANDBOX_UNAVAILABLE');
});
