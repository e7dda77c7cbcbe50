import { executionAsyncId } from 'node:async_hooks';
import test from 'ava';
import { ScopedStorage } from '../src/scoped-storage.js';
import { createTestDatabase } from './helpers/databases.js';
import { createFlow } from './helpers/flows.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';

// On Node 20 an AsyncLocalStorage in use turns on promise hooks for the whole process, and every
// promise of every request then pays for them. The engine's contexts (the write transaction, the
// data cache's read scope, a flow's depth) switch theirs off when their last run ends.

/** Whether promise hooks are on: with them each promise continuation gets an async id of its own. */
async function promiseHooksOn(): Promise<boolean> {
	await null;
	const before = executionAsyncId();
	await null;
	return executionAsyncId() !== before;
}

test('a scoped storage holds its store across awaits, per run, and leaves the hooks off once no run is left', async (t) => {
	t.false(await promiseHooksOn(), 'nothing in this process turned them on before');
	const storage = new ScopedStorage<string>();
	const seen: Array<string | undefined> = [];
	const work = (name: string) => async () => {
		await new Promise((resolve) => setImmediate(resolve));
		seen.push(storage.getStore());
		t.true(await promiseHooksOn(), `${name}: on while it runs`);
		return name;
	};
	t.deepEqual(await Promise.all([storage.run('a', work('a')), storage.run('b', work('b'))]), ['a', 'b']);
	t.deepEqual(seen.sort(), ['a', 'b']);
	t.is(storage.getStore(), undefined);
	t.false(await promiseHooksOn());
	await t.throwsAsync(
		storage.run('c', () => Promise.reject(new Error('the work failed'))),
		{ message: 'the work failed' },
	);
	t.false(await promiseHooksOn(), 'a failed run switches them off too');
});

test('after writes, cached reads and a flow that writes the server runs with promise hooks off', async (t) => {
	t.false(await promiseHooksOn());
	const db = await createTestDatabase('sqlite');
	const { url, stop } = await startKernel(db, { CACHE_ENABLED: 'true', CACHE_STORE: 'memory' });
	try {
		t.is((await api(url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] })).status, 200);
		const flow = await createFlow(url, { name: 'Note taker', trigger: 'webhook', options: { method: 'POST' } }, [
			{ key: 'note', type: 'item-create', options: { collection: 'notes', payload: { text: 'from the flow' }, permissions: '$full' } },
		]);
		t.is((await api(url, 'POST', '/items/notes', [{ text: 'one' }, { text: 'two' }])).status, 200);
		t.is((await api(url, 'POST', `/flows/trigger/${flow.id}`, {})).status, 200);
		t.is((await api(url, 'GET', '/items/notes')).body.data.length, 3, 'the flow wrote inside its own depth and transaction');
		t.is((await api(url, 'GET', '/items/notes')).body.data.length, 3, 'answered from the cache');
		t.false(await promiseHooksOn());
	} finally {
		await stop();
		await db.drop();
	}
});
