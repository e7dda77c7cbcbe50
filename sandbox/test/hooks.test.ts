import test from 'ava';
import type { SandboxError, SandboxedHook } from '../src/index.js';
import { caller, startSandbox } from './helpers/sandbox.js';

const hookSource = `import { defineHook, createError } from '@mantle/extensions-sdk';
export default defineHook(({ filter, action, init, schedule }, ctx) => {
	filter('articles.items.create', async (payload, meta) => ({ ...payload, slug: payload.title.toLowerCase().replace(/ /g, '-'), by: meta.accountability.user }));
	filter('articles.items.update', (payload) => { if (payload.locked) throw createError('INVALID_PAYLOAD', 'Locked articles cannot change.'); });
	action('articles.items.create', (meta) => ctx.log.info('created', { key: meta.key, title: meta.payload.title }));
	init('app.before', (meta) => ctx.log.info('init', { event: meta.event }));
	schedule('*/15 * * * *', () => ctx.log.info('tick'));
});`;

async function loadHook(t: Parameters<typeof startSandbox>[0]) {
	const started = await startSandbox(t);
	const hook = (await started.supervisor.load({ id: 'slugs', type: 'hook', code: hookSource, scopes: { log: {} } })) as SandboxedHook;
	return { ...started, hook };
}

test('a hook reports its registrations, schedules with their cron expression', async (t) => {
	const { hook } = await loadHook(t);
	t.is(hook.type, 'hook');
	t.deepEqual(hook.registrations, [
		{ kind: 'filter', event: 'articles.items.create' },
		{ kind: 'filter', event: 'articles.items.update' },
		{ kind: 'action', event: 'articles.items.create' },
		{ kind: 'init', event: 'app.before' },
		{ kind: 'schedule', cron: '*/15 * * * *' },
	]);
});

test('a filter rewrites the payload; one that returns nothing keeps it; one that throws cancels with its code', async (t) => {
	const { hook } = await loadHook(t);
	t.deepEqual(await hook.run(0, { title: 'Hello World' }, { event: 'articles.items.create', accountability: caller }), {
		title: 'Hello World',
		slug: 'hello-world',
		by: 'user-1',
	});
	t.deepEqual(await hook.run(1, { title: 'kept' }, {}), { title: 'kept' });
	const error = await t.throwsAsync(hook.run(1, { locked: true }, {}));
	t.is((error as SandboxError).code, 'INVALID_PAYLOAD');
	t.is((error as SandboxError).message, 'Locked articles cannot change.');
});

test('an action and an init run with their meta, and a schedule handler runs when asked', async (t) => {
	const { hook, bridge } = await loadHook(t);
	t.is(await hook.run(2, { title: 'A' }, { key: 3 }), undefined);
	t.is(await hook.run(3, undefined, { event: 'app.before' }), undefined);
	t.is(await hook.run(4), undefined);
	t.deepEqual(
		bridge.logs.map(({ message, data }) => [message, data]),
		[
			['created', { key: 3, title: 'A' }],
			['init', { event: 'app.before' }],
			['tick', undefined],
		],
	);
});

test('a schedule with an invalid cron expression fails the load', async (t) => {
	const { supervisor } = await startSandbox(t);
	const code = `export default (({ schedule }) => schedule('every tuesday', () => {}));`;
	const error = await t.throwsAsync(supervisor.load({ id: 'bad-cron', type: 'hook', code, scopes: {} }), { message: /cron/ });
	t.is((error as SandboxError).code, 'INVALID_EXTENSION');
});
