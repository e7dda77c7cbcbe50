import test from 'ava';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { buildExtension, until } from './helpers/extensions.js';

type Mode = 'trusted' | 'sandboxed';

/**
 * Runs `run` against a fresh kernel on SQLite with one extension built by the SDK CLI and loaded:
 * in-process when trusted, in the sandbox when sandboxed.
 */
async function withExtension(
	extension: { name: string; type: 'endpoint' | 'hook' | 'operation'; code: string; mode: Mode },
	run: (running: RunningKernel) => Promise<void>,
): Promise<void> {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		const sandbox = extension.mode === 'sandboxed' ? { enabled: true, requestedScopes: { log: {}, sleep: {} } } : undefined;
		await buildExtension(running, extension.name, extension.type, extension.code, sandbox);
		await running.kernel.extensions.loadAll();
		await run(running);
	} finally {
		await running.stop();
		await db.drop();
	}
}

const greeterCode = `import { defineEndpoint } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: 'greet', handler: (router) => {
	router.get('/:name', ({ params, query }) => ({ status: 200, headers: { 'x-greeting': 'yes' }, body: { hello: params.name, polite: query.polite === 'true' } }));
} });`;

const hookCode = `import { createError, defineHook } from '@mantle/extensions-sdk';
export default defineHook(({ filter, action, schedule }, { log }) => {
	filter('collections.create', (payload) => {
		if (payload.collection.startsWith('forbidden_')) throw createError('INVALID_PAYLOAD', 'Collections may not be called forbidden_*.');
		return { ...payload, meta: { ...(payload.meta ?? {}), note: 'stamped by a hook' } };
	});
	action('collections.create', (meta) => log.info('collection created', { created: meta.key }));
	schedule('* * * * * *', () => log.info('tick'));
});`;

const doublerCode = `import { defineOperation } from '@mantle/extensions-sdk';
export default defineOperation({
	id: 'double',
	name: 'Double',
	options: [{ field: 'value', name: 'Value', type: 'integer', meta: { interface: 'input' } }],
	handler: (options, { data }) => ({ doubled: options.value * 2, last: data.$last }),
});`;

const spinnerCode = `import { defineEndpoint } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: 'spin', handler: (router) => {
	router.get('/forever', () => { while (true) {} });
	router.get('/fine', () => ({ status: 200, body: { fine: true } }));
} });`;

for (const mode of ['trusted', 'sandboxed'] as const) {
	test(`[${mode}] an endpoint extension answers under its id`, async (t) => {
		await withExtension({ name: 'greeter', type: 'endpoint', code: greeterCode, mode }, async (running) => {
			t.like(
				running.kernel.extensions.list().find((e) => e.name === 'greeter'),
				{ status: 'loaded', sandboxed: mode === 'sandboxed' },
			);
			const response = await fetch(`${running.url}/greet/Ada?polite=true`);
			t.is(response.status, 200);
			t.is(response.headers.get('x-greeting'), 'yes');
			t.deepEqual(await response.json(), { hello: 'Ada', polite: true });
		});
	});

	test(`[${mode}] a filter hook rewrites a payload, refuses another (nothing is created), and action and schedule hooks run`, async (t) => {
		await withExtension({ name: 'stamper', type: 'hook', code: hookCode, mode }, async (running) => {
			t.is(running.kernel.extensions.list().find((e) => e.name === 'stamper')?.status, 'loaded');

			const created = await api(running.url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: { icon: 'note' } });
			t.is(created.status, 200, JSON.stringify(created.body));
			t.like(created.body.data.meta, { icon: 'note', note: 'stamped by a hook' });

			const refused = await api(running.url, 'POST', '/collections', { collection: 'forbidden_things', schema: {} });
			t.is(errorCode(refused), 'INVALID_PAYLOAD');
			t.is(refused.body.errors[0].message, 'Collections may not be called forbidden_*.');
			t.is(errorCode(await api(running.url, 'GET', '/collections/forbidden_things')), 'FORBIDDEN', 'the refused collection does not exist');

			t.true(await until(() => running.logs.some((line) => line.msg === 'collection created' && line.created === 'notes'), 5000), 'the action hook ran');
			t.true(await until(() => running.logs.filter((line) => line.msg === 'tick').length >= 2, 5000), 'the schedule fires every second');
		});
	});

	test(`[${mode}] an operation is registered under its id and returns its result`, async (t) => {
		await withExtension({ name: 'doubler', type: 'operation', code: doublerCode, mode }, async (running) => {
			const operation = running.kernel.extensions.operations.get('double');
			t.truthy(operation);
			// The flows designer draws its options form from what defineOperation describes, sandboxed or not.
			const listed = (await api(running.url, 'GET', '/flows/operation-types')).body.data as Array<{ id: string; name: string; options: unknown }>;
			t.like(
				listed.find((type) => type.id === 'double'),
				{
					name: 'Double',
					options: [{ field: 'value', name: 'Value', type: 'integer', meta: { interface: 'input' } }],
				},
			);
			t.deepEqual(await operation!.run({ value: 21 }, { data: { $last: 'before' }, accountability: null }), { doubled: 42, last: 'before' });
		});
	});
}

test('a sandboxed endpoint that loops forever answers 503 while the API keeps serving, in the same process', async (t) => {
	await withExtension({ name: 'spinner', type: 'endpoint', code: spinnerCode, mode: 'sandboxed' }, async (running) => {
		const pid = process.pid;
		const spinning = fetch(`${running.url}/spin/forever`);
		const pings: number[] = [];
		for (let i = 0; i < 5; i++) pings.push((await fetch(`${running.url}/server/ping`)).status);
		const response = await spinning;
		t.is(response.status, 503);
		t.is(((await response.json()) as any).errors[0].extensions.code, 'SERVICE_UNAVAILABLE');
		t.deepEqual(pings, [200, 200, 200, 200, 200]);
		t.is(process.pid, pid);
		t.deepEqual(await (await fetch(`${running.url}/spin/fine`)).json(), { fine: true }, 'the extension answers again');
	});
});
