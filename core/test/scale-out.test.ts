import { randomUUID } from 'node:crypto';
import { api, errorCode } from './helpers/http.js';
import { twoInstancesTest, until } from './helpers/two-instances.js';

twoInstancesTest('two instances on one database and Redis: a schema change or a new permission on one is seen at once by the other', async (t, a, b, db) => {
	// B reads the schema first, so it holds an overview without the new collection.
	t.is(errorCode(await api(b.url, 'GET', '/items/notes')), 'FORBIDDEN');
	await api(a.url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
	await api(a.url, 'POST', '/items/notes', { text: 'hello' });
	t.true(await until(async () => (await api(b.url, 'GET', '/items/notes')).status === 200), 'B sees the collection A created');

	const role = (await api(a.url, 'POST', '/roles', { name: 'Reader' })).body.data.id;
	const policy = (await api(a.url, 'POST', '/policies', { name: 'Readers' })).body.data.id;
	await api(a.url, 'POST', '/access', { role, policy });
	const token = 'scale-out-reader-token-0123456789';
	await db.knex('mantle_users').insert({ id: randomUUID(), email: 'reader@example.com', status: 'active', role, token });
	t.is(errorCode(await api(b.url, 'GET', '/items/notes', undefined, token)), 'FORBIDDEN', 'B caches that the reader may not read');
	await api(a.url, 'POST', '/permissions', { policy, collection: 'notes', action: 'read', fields: '*' });
	t.true(
		await until(async () => (await api(b.url, 'GET', '/items/notes', undefined, token)).status === 200),
		'B drops its cached permissions when A grants one',
	);
	t.deepEqual((await api(b.url, 'GET', '/items/notes?fields=text', undefined, token)).body.data, [{ text: 'hello' }]);
});
