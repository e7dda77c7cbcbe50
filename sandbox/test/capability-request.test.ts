import { lookup } from 'node:dns/promises';
import os from 'node:os';
import test from 'ava';
import type { SandboxError } from '../src/index.js';
import { loadEndpoint, loopbackServer, request, startSandbox } from './helpers/sandbox.js';

// The extension asks for whatever URL and method the test passes, so each case is one invoke.
const fetcher = `router.post('/', async (req) => ({ body: await ctx.request(req.body.url, { method: req.body.method, body: req.body.payload }) }));`;

function call(url: string, method = 'GET', payload?: unknown) {
	return request({ method: 'POST', body: { url, method, payload } });
}

test('a request outside the granted URLs or methods is refused before anything is sent', async (t) => {
	const { supervisor } = await startSandbox(t, { allowPrivateNetwork: true });
	const server = await loopbackServer(t);
	const endpoint = await loadEndpoint(supervisor, fetcher, { request: { urls: [`http://127.0.0.1:${server.port}/api/*`], methods: ['GET'] } });
	const outside = [
		`http://127.0.0.1:${server.port}/admin`,
		`http://127.0.0.1:${server.port}/api/a/b`,
		`http://127.0.0.1:${server.port + 1}/api/a`,
		`http://127.0.0.1:${server.port}@evil.example/api/a`,
		'file:///etc/passwd',
	];
	for (const url of outside) {
		const error = await t.throwsAsync(endpoint.invoke(0, call(url)));
		t.is((error as SandboxError).code, 'FORBIDDEN', url);
	}
	const method = await t.throwsAsync(endpoint.invoke(0, call(`http://127.0.0.1:${server.port}/api/a`, 'POST', { x: 1 })), { message: /method POST/ });
	t.is((method as SandboxError).code, 'FORBIDDEN');
	t.is(server.hits(), 0, 'nothing reached the server');
});

test('loopback addresses are refused even when a glob allows them: 127.0.0.1, localhost, [::1], mapped IPv6 and names resolving there', async (t) => {
	const { supervisor } = await startSandbox(t);
	const server = await loopbackServer(t);
	const host = os.hostname();
	const endpoint = await loadEndpoint(supervisor, fetcher, { request: { urls: ['http://**', 'https://**'], methods: ['*'] } });
	const urls = [
		`http://127.0.0.1:${server.port}/`,
		`http://localhost:${server.port}/`,
		`http://[::1]:${server.port}/`,
		`http://[::ffff:127.0.0.1]:${server.port}/`,
		`http://0.0.0.0:${server.port}/`,
		`http://169.254.169.254/latest/meta-data/`,
		`http://10.1.2.3/`,
		`http://2130706433:${server.port}/`,
	];
	// The machine's own name usually resolves to loopback: that exercises the check on resolved addresses.
	const resolved = await lookup(host).catch(() => undefined);
	if (resolved && /^127\.|^::1$/.test(resolved.address)) urls.push(`http://${host}:${server.port}/`);
	for (const url of urls) {
		const error = await t.throwsAsync(endpoint.invoke(0, call(url)), undefined, url);
		t.is((error as SandboxError).code, 'FORBIDDEN', url);
		t.regex((error as SandboxError).message, /private|loopback|link-local/, url);
	}
	t.is(server.hits(), 0, 'nothing reached the server');
});

test('with allowPrivateNetwork a granted request reaches a loopback server and its answer comes back', async (t) => {
	const { supervisor } = await startSandbox(t, { allowPrivateNetwork: true });
	const server = await loopbackServer(t);
	const endpoint = await loadEndpoint(supervisor, fetcher, { request: { urls: [`http://127.0.0.1:${server.port}/**`], methods: ['GET', 'POST'] } });
	const answer = await endpoint.invoke(0, call(`http://127.0.0.1:${server.port}/api/things?limit=2`));
	t.is(answer.status, 200);
	t.like(answer.body, { status: 200, body: { method: 'GET', url: '/api/things?limit=2' } });
	const posted = await endpoint.invoke(0, call(`http://127.0.0.1:${server.port}/api/things`, 'POST', { a: 1 }));
	t.like(posted.body, { body: { method: 'POST' } });
	t.is(server.hits(), 2);
});

test('redirects are not followed: the extension sees the 3xx and a new request is checked again', async (t) => {
	const { supervisor } = await startSandbox(t, { allowPrivateNetwork: true });
	const server = await loopbackServer(t, (_req, res) => {
		res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' });
		res.end();
	});
	const endpoint = await loadEndpoint(supervisor, fetcher, { request: { urls: [`http://127.0.0.1:${server.port}/**`], methods: ['GET'] } });
	const answer = await endpoint.invoke(0, call(`http://127.0.0.1:${server.port}/go`));
	t.like(answer.body, { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
	const followed = await t.throwsAsync(endpoint.invoke(0, call('http://169.254.169.254/latest/meta-data/')));
	t.is((followed as SandboxError).code, 'FORBIDDEN');
});

test('request does not exist without its scope', async (t) => {
	const { supervisor } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, `router.get('/', () => ({ body: typeof ctx.request }));`);
	t.is((await endpoint.invoke(0, request())).body, 'undefined');
});
