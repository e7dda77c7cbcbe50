import test from 'ava';
import { loadEndpoint, request, startSandbox } from './helpers/sandbox.js';

test('log reaches the kernel with the extension id, level, message and data', async (t) => {
	const { supervisor, bridge } = await startSandbox(t);
	const endpoint = await loadEndpoint(
		supervisor,
		`router.get('/', () => { ctx.log.warn('careful', { n: 1 }); ctx.log.error('bad'); return { body: 'ok' }; });`,
		{ log: {} },
		'logger',
	);
	await endpoint.invoke(0, request());
	// Logging is fire-and-forget; the lines arrive shortly after the call.
	for (let i = 0; i < 200 && bridge.logs.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 25));
	t.deepEqual(bridge.logs, [
		{ extensionId: 'logger', level: 'warn', message: 'careful', data: { n: 1 } },
		{ extensionId: 'logger', level: 'error', message: 'bad', data: undefined },
	]);
});

test('sleep waits and resolves; without their scopes neither log nor sleep exists', async (t) => {
	const { supervisor } = await startSandbox(t);
	const granted = await loadEndpoint(supervisor, `router.get('/', async () => { await ctx.sleep(30); return { body: 'woke' }; });`, { sleep: {} }, 'sleeper');
	t.is((await granted.invoke(0, request())).body, 'woke');
	const bare = await loadEndpoint(supervisor, `router.get('/', () => ({ body: [typeof ctx.log, typeof ctx.sleep, Object.keys(ctx)] }));`, {}, 'bare');
	t.deepEqual((await bare.invoke(0, request())).body, ['undefined', 'undefined', []]);
});
