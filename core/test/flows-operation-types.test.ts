import { randomUUID } from 'node:crypto';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';

vendorTest('GET /flows/operation-types lists each installed operation with its options schema, for Studio users only', async (t, db) => {
	const running = await startKernel(db);
	try {
		const listed = await api(running.url, 'GET', '/flows/operation-types');
		t.is(listed.status, 200, JSON.stringify(listed.body));
		const types = listed.body.data as Array<{ id: string; name: string; extension: string; options: Array<{ field: string }> | null }>;
		const ids = types.map((type) => type.id);
		for (const id of [
			'condition',
			'item-create',
			'item-read',
			'item-update',
			'item-delete',
			'log',
			'mail',
			'request',
			'exec',
			'transform',
			'sleep',
			'trigger',
		]) {
			t.true(ids.includes(id), id);
		}
		t.like(
			types.find((type) => type.id === 'condition'),
			{ name: 'Condition', extension: '@mantle/extension-operation-condition' },
		);
		t.deepEqual(
			types.find((type) => type.id === 'item-update')!.options!.map((option) => option.field),
			['collection', 'permissions', 'key', 'payload', 'query'],
		);
		t.true(
			types.every((type) => Array.isArray(type.options) && type.options.length > 0),
			'every first-party operation declares its options',
		);

		const token = `operation-types-${randomUUID()}`;
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'no-app@example.com', status: 'active', token });
		t.is(errorCode(await api(running.url, 'GET', '/flows/operation-types', undefined, token)), 'FORBIDDEN', 'a user without app access');
		t.is(errorCode(await api(running.url, 'GET', '/flows/operation-types', undefined, null)), 'FORBIDDEN', 'the public');
	} finally {
		await running.stop();
	}
});
