import test from 'ava';
import type { SandboxError } from '../src/index.js';
import { liveness } from './helpers/liveness.js';
import { loadEndpoint, request, startSandbox } from './helpers/sandbox.js';

// Short enough to keep the suite quick, long enough for a busy machine to run the healthy routes.
const limits = { timeoutMs: 3000, memoryMb: 32 };

const routes = `
	router.get('/ok', () => ({ body: 'still here' }));
	router.get('/loop', () => { while (true) {} });
	router.get('/loop-after-await', async () => { await null; await Promise.resolve(); while (true) {} });
	router.get('/never', () => new Promise(() => {}));
	router.get('/bomb', () => { const hoard = []; while (true) hoard.push(new Array(100000).fill(hoard.length)); });
	router.get('/recurse', () => { const dive = (n) => dive(n + 1) + 1; return { body: dive(0) }; });
`;
const index = { ok: 0, loop: 1, loopAfterAwait: 2, never: 3, bomb: 4, recurse: 5 };

async function attacked(t: Parameters<typeof startSandbox>[0], timeoutMs = limits.timeoutMs) {
	const { supervisor } = await startSandbox(t, { limits: { ...limits, timeoutMs } });
	const endpoint = await loadEndpoint(supervisor, routes, { sleep: {} }, 'attacker');
	const bystander = await loadEndpoint(supervisor, `router.get('/', () => ({ body: 'bystander' }));`, {}, 'bystander');
	return { supervisor, endpoint, bystander, live: await liveness(t) };
}

for (const [title, route, code] of [
	['an infinite loop', index.loop, 'EXTENSION_TIMEOUT'],
	['a loop that starts after an await', index.loopAfterAwait, 'EXTENSION_TIMEOUT'],
	['a promise that never settles', index.never, 'EXTENSION_TIMEOUT'],
] as const) {
	test(`${title} fails with ${code} while this process stays responsive, and the extension answers again`, async (t) => {
		const { supervisor, endpoint, bystander, live } = await attacked(t);
		const pid = process.pid;
		const childPid = supervisor.pid;
		const { result, ticks, answered } = await live.during(() =>
			endpoint.invoke(route, request()).then(
				() => undefined,
				(error: SandboxError) => error,
			),
		);
		t.is(result?.code, code);
		t.true(ticks > 0, 'timers kept firing');
		t.true(answered > 0, 'the HTTP server kept answering');
		t.is(process.pid, pid);
		t.is(supervisor.pid, childPid, 'contained inside its isolate: the sandbox process did not restart');
		t.is((await endpoint.invoke(index.ok, request())).body, 'still here');
		t.is((await bystander.invoke(0, request())).body, 'bystander');
	});
}

test('a memory bomb fails with a clear error and the extension answers again', async (t) => {
	// The heap fills in a fraction of a second of CPU; a generous wall clock keeps a busy machine from calling it a timeout.
	const { supervisor, endpoint, bystander, live } = await attacked(t, 60_000);
	const pid = process.pid;
	const { result } = await live.during(() =>
		endpoint.invoke(index.bomb, request()).then(
			() => undefined,
			(error: SandboxError) => error,
		),
	);
	// V8 usually disposes the isolate alone; should it take the sandbox process down instead, that is contained too.
	t.true(['EXTENSION_OUT_OF_MEMORY', 'SANDBOX_CRASHED'].includes(result?.code ?? ''), String(result?.code));
	t.is(process.pid, pid);
	t.is((await endpoint.invoke(index.ok, request())).body, 'still here');
	t.is((await bystander.invoke(0, request())).body, 'bystander');
	t.is(supervisor.status('attacker'), 'loaded');
});

test('deep recursion is a RangeError caught as an error', async (t) => {
	const { endpoint } = await attacked(t);
	const error = await t.throwsAsync(endpoint.invoke(index.recurse, request()));
	t.is((error as SandboxError).name, 'RangeError', `${(error as SandboxError).code}: ${(error as SandboxError).message}`);
	t.regex((error as SandboxError).message, /call stack/);
	t.is((await endpoint.invoke(index.ok, request())).body, 'still here');
});

test('nothing of the host exists inside: no process, require, timers, fetch, or a way to reach them', async (t) => {
	const { supervisor } = await startSandbox(t, { limits });
	const probe = `router.get('/', async () => {
		const attempt = (fn) => { try { const value = fn(); return value === undefined ? 'undefined' : typeof value === 'object' || typeof value === 'function' ? 'FOUND' : String(value); } catch (error) { return 'threw ' + error.name; } };
		return { body: {
			process: typeof process, require: typeof require, module: typeof module, Buffer: typeof Buffer,
			setTimeout: typeof setTimeout, setInterval: typeof setInterval, setImmediate: typeof setImmediate, queueMicrotask: typeof queueMicrotask,
			fetch: typeof fetch, XMLHttpRequest: typeof XMLHttpRequest, WebSocket: typeof WebSocket, console: typeof console, ivm: typeof ivm,
			constructorEscape: attempt(() => globalThis.constructor.constructor('return process')()),
			functionEscape: attempt(() => Function('return this.process')()),
			ctxEscape: attempt(() => ctx.log.info.constructor('return process')()),
			routerEscape: attempt(() => router.get.constructor.constructor('return require')()),
			errorEscape: attempt(() => createError('X').constructor.constructor('return process')()),
			globalKeys: Object.getOwnPropertyNames(globalThis).filter((key) => /^(process|require|ivm|host|global|module|exports|_.*|mantle.*)$/i.test(key)),
			dynamicImport: await import('node:fs').then(() => 'FOUND', (error) => 'threw ' + error.name),
		} };
	});`;
	const endpoint = await loadEndpoint(supervisor, probe, { log: {} });
	const { body } = await endpoint.invoke(0, request());
	t.deepEqual(body, {
		process: 'undefined',
		require: 'undefined',
		module: 'undefined',
		Buffer: 'undefined',
		setTimeout: 'undefined',
		setInterval: 'undefined',
		setImmediate: 'undefined',
		queueMicrotask: 'undefined',
		fetch: 'undefined',
		XMLHttpRequest: 'undefined',
		WebSocket: 'undefined',
		console: 'undefined',
		ivm: 'undefined',
		constructorEscape: 'threw ReferenceError',
		functionEscape: 'undefined',
		ctxEscape: 'threw ReferenceError',
		routerEscape: 'threw ReferenceError',
		errorEscape: 'threw ReferenceError',
		globalKeys: [],
		dynamicImport: 'threw Error',
	});
});

test('a refused capability call gives the extension an error with a code and no host stack', async (t) => {
	const { supervisor } = await startSandbox(t, { limits });
	const endpoint = await loadEndpoint(
		supervisor,
		`router.get('/', async () => {
		try { await ctx.items('secrets').readByQuery({}); } catch (error) { return { body: { code: error.code, name: error.name, stack: String(error.stack) } }; }
	});`,
		{ items: { collections: ['articles'], actions: ['read'] } },
	);
	const { body } = (await endpoint.invoke(0, request())) as { body: { code: string; name: string; stack: string } };
	t.is(body.code, 'FORBIDDEN');
	t.is(body.name, 'ExtensionError');
	t.false(/node:|\/work\/|\.js:\d|\.ts:\d/.test(body.stack), body.stack);
});
