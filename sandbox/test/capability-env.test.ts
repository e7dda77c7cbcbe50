import test from 'ava';
import { loadEndpoint, request, startSandbox } from './helpers/sandbox.js';

test('env exposes the listed keys only, read-only', async (t) => {
	const { supervisor } = await startSandbox(t, { env: { API_KEY: 'k-123', SECRET: 'kernel-secret', DB_PASSWORD: 'hunter2' } });
	const endpoint = await loadEndpoint(
		supervisor,
		`router.get('/', () => { try { ctx.env.API_KEY = 'changed'; } catch {} return { body: { env: ctx.env, frozen: Object.isFrozen(ctx.env) } }; });`,
		{ env: { keys: ['API_KEY', 'MISSING'] } },
	);
	t.deepEqual((await endpoint.invoke(0, request())).body, { env: { API_KEY: 'k-123' }, frozen: true });
});

test('env does not exist without its scope', async (t) => {
	const { supervisor } = await startSandbox(t, { env: { API_KEY: 'k-123' } });
	const endpoint = await loadEndpoint(supervisor, `router.get('/', () => ({ body: typeof ctx.env }));`);
	t.is((await endpoint.invoke(0, request())).body, 'undefined');
});
