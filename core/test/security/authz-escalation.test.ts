import { randomUUID } from 'node:crypto';
import { vendorTest } from '../helpers/vendor-test.js';
import { withCatalogKernel } from '../helpers/catalog-kernel.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { adminRole, restrictedUser } from './authz-fixture.js';

// Finding 1 of #11, and the /users/me answers of #12, replayed as a restricted user would.

vendorTest('a user cannot make themselves admin or read other users through a nested /users/me write or read', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const admin = await adminRole(db);
		const adminUser = (await db.knex('mantle_users').where({ email: 'admin@example.com' }).first('id')).id;
		const { token, user, role } = await restrictedUser(url, db, {
			app: true,
			policies: [
				[
					{ collection: 'directus_files', action: 'create', fields: '*' },
					{ collection: 'directus_files', action: 'read', fields: '*' },
				],
			],
		});
		const filesBefore = await db.knex('mantle_files').count({ n: '*' });

		const attack = await api(
			url,
			'PATCH',
			'/users/me',
			{ avatar: { storage: 'local', filename_download: 'y', uploaded_by: { id: user, role: admin } } },
			token,
		);
		t.is(errorCode(attack), 'FORBIDDEN', JSON.stringify(attack.body));
		t.is((await db.knex('mantle_users').where({ id: user }).first('role')).role, role, 'the role is unchanged');
		t.deepEqual(await db.knex('mantle_files').count({ n: '*' }), filesBefore, 'the nested file was not written either');
		t.is(errorCode(await api(url, 'PATCH', '/users/me', { role: admin }, token)), 'FORBIDDEN');

		// A file the admin uploaded, set as the user's avatar: its uploader is not theirs to read.
		const file = randomUUID();
		await db.knex('mantle_files').insert({ id: file, storage: 'local', filename_download: 'a.png', uploaded_by: adminUser });
		const avatar = await api(url, 'PATCH', '/users/me?fields=avatar.id,avatar.uploaded_by.*', { avatar: file }, token);
		t.is(avatar.status, 200, JSON.stringify(avatar.body));
		t.deepEqual(avatar.body.data, { avatar: { id: file, uploaded_by: null } });
		const read = await api(url, 'GET', '/users/me?fields=avatar.uploaded_by.email,avatar.uploaded_by.role', undefined, token);
		t.deepEqual(read.body.data, { avatar: { uploaded_by: null } });
		t.false(JSON.stringify(read.body).includes('admin@example.com'));

		// What the user may still do with their own account.
		const own = await api(url, 'PATCH', '/users/me?fields=first_name,role', { first_name: 'Mallory' }, token);
		t.deepEqual(own.body.data, { first_name: 'Mallory', role });
		t.is(errorCode(await api(url, 'GET', '/users', undefined, token)), 'FORBIDDEN', 'the self-service permissions hold on /users/me only');
	} finally {
		await stop();
	}
});

vendorTest('/users/me: 401 without a token; an admin may set their own static token', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const anonymous = await api(url, 'GET', '/users/me', undefined, null);
		t.is(anonymous.status, 401);
		t.is(errorCode(anonymous), 'INVALID_CREDENTIALS');
		const token = `admin-static-${randomUUID()}`;
		const patched = await api(url, 'PATCH', '/users/me?fields=email', { token });
		t.is(patched.status, 200, JSON.stringify(patched.body));
		t.deepEqual((await api(url, 'GET', '/users/me?fields=email', undefined, token)).body.data, { email: 'admin@example.com' });
	} finally {
		await stop();
	}
});

vendorTest('nested writes check the caller on every related collection at every depth, before anything is written', (t, db) =>
	withCatalogKernel(db, async (url) => {
		const { token } = await restrictedUser(url, db, {
			policies: [
				[
					{ collection: 'articles', action: 'create', fields: 'title,author,tags' },
					{ collection: 'articles', action: 'read', fields: 'id,title' },
					{ collection: 'authors', action: 'read', fields: '*' },
					{ collection: 'authors', action: 'update', fields: 'country,articles', permissions: { country: { _eq: 'US' } } },
					{ collection: 'articles_tags', action: 'create', fields: '*' },
				],
			],
		});
		const snapshot = async () => ({
			articles: await db.knex('articles').orderBy('id').select('id', 'title', 'author'),
			authors: await db.knex('authors').orderBy('id').select('*'),
			tags: await db.knex('tags').orderBy('id').select('*'),
			links: await db.knex('articles_tags').orderBy('id').select('*'),
		});
		const before = await snapshot();
		const refused = [
			{ title: 'x', author: { name: 'New author' } }, // no create on authors
			{ title: 'x', author: { id: 1, name: 'Renamed' } }, // an existing related item is an update: the field is not allowed
			{ title: 'x', author: { id: 1, country: 'FR' } }, // allowed field, but the row rule keeps author 1 (UK) out
			{ title: 'x', tags: [{ tags_id: { name: 'new tag' } }] }, // depth 2: no create on tags
			{ title: 'x', tags: [{ tags_id: { id: 1, name: 'renamed' } }] }, // depth 2: no update on tags
			{ title: 'x', author: { id: 2, articles: { create: [{ title: 'deeper', tags: [{ tags_id: { id: 1, name: 'x' } }] }] } } }, // depth 4
		];
		for (const payload of refused) {
			const response = await api(url, 'POST', '/items/articles', payload, token);
			t.is(errorCode(response), 'FORBIDDEN', `${JSON.stringify(payload)} → ${JSON.stringify(response.body)}`);
		}
		t.deepEqual(await snapshot(), before, 'nothing was written by any refused request');

		const allowed = await api(url, 'POST', '/items/articles?fields=title', { title: 'ok', author: { id: 2, country: 'CA' }, tags: [{ tags_id: 1 }] }, token);
		t.is(allowed.status, 200, JSON.stringify(allowed.body));
		t.is((await db.knex('authors').where({ id: 2 }).first('country')).country, 'CA', 'an allowed nested update runs');
	}),
);
