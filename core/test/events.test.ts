import test from 'ava';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { eventually } from './helpers/wait.js';

test('auth.login filters may refuse a login and actions hear of every outcome; server.stop is announced', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	const heard: Array<Record<string, unknown>> = [];
	try {
		running.kernel.bus.onFilter('auth.login', 'test', (payload: any) => {
			if (payload.email === 'blocked@example.com') throw Object.assign(new Error('Blocked by policy.'), { code: 'FORBIDDEN' });
			return payload;
		});
		running.kernel.bus.onAction('auth.login', 'test', (meta) => void heard.push({ status: meta.status, email: (meta.payload as any).email }));
		running.kernel.bus.onAction('server.stop', 'test', () => void heard.push({ stopped: true }));

		t.is((await api(running.url, 'POST', '/auth/login', { email: 'admin@example.com', password: 'correct horse battery' }, null)).status, 200);
		t.is(errorCode(await api(running.url, 'POST', '/auth/login', { email: 'admin@example.com', password: 'wrong' }, null)), 'INVALID_CREDENTIALS');
		const blocked = await api(running.url, 'POST', '/auth/login', { email: 'blocked@example.com', password: 'whatever' }, null);
		t.is(errorCode(blocked), 'FORBIDDEN');
		t.is(blocked.body.errors[0].message, 'Blocked by policy.');
		t.true(await eventually(() => heard.length >= 2), 'both login actions were heard');
		t.deepEqual(heard, [
			{ status: 'success', email: 'admin@example.com' },
			{ status: 'fail', email: 'admin@example.com' },
		]);
	} finally {
		await running.stop();
		await db.drop();
	}
	t.true(await eventually(() => heard.length >= 3), 'server.stop was heard');
	t.deepEqual(heard.at(-1), { stopped: true });
});
