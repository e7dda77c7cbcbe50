import { randomUUID } from 'node:crypto';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';

vendorTest('own-row routes (presets, notifications) write only their own collection: a nested relational value cannot reach roles or users', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const role = (await api(url, 'POST', '/roles', { name: 'Plain' })).body.data.id;
		const policy = (await api(url, 'POST', '/policies', { name: 'App', app_access: true })).body.data.id;
		await api(url, 'POST', '/access', { role, policy });
		const admins = await db.knex('mantle_roles').whereNot({ id: role }).select('id', 'name');
		const user = randomUUID();
		const token = 'owned-rows-token-0123456789';
		await db.knex('mantle_users').insert({ id: user, email: 'plain@example.com', status: 'active', role, token });
		const rolesBefore = await db.knex('mantle_roles').orderBy('id').select('*');

		const preset = await api(url, 'POST', '/presets', { bookmark: 'Mine', collection: 'directus_users' }, token);
		t.is(preset.status, 200, JSON.stringify(preset.body));
		const id = preset.body.data.id;
		const attempts = [
			['PATCH', `/presets/${id}`, { role: { id: admins[0]!.id, name: 'Owned' } }],
			['PATCH', `/presets/${id}`, { role: { name: 'Made by a user', admin_access: true } }],
			['POST', '/presets', { bookmark: 'x', role: { name: 'Another', parent: null } }],
			['PATCH', `/presets/${id}`, { user: { id: user, role: admins[0]!.id } }],
		] as const;
		for (const [method, path, body] of attempts) {
			const answered = await api(url, method, path, body, token);
			t.true(
				['FORBIDDEN', 'INVALID_PAYLOAD'].includes(errorCode(answered) ?? ''),
				`${method} ${path} ${JSON.stringify(body)} → ${answered.status} ${JSON.stringify(answered.body)}`,
			);
		}
		t.deepEqual(await db.knex('mantle_roles').orderBy('id').select('*'), rolesBefore, 'no role was created or changed');
		t.is((await db.knex('mantle_users').where({ id: user }).first('role')).role, role, 'the user kept their role');
	} finally {
		await stop();
	}
});
