import type { ExecutionContext } from 'ava';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel, type RunningKernel } from './helpers/kernel.js';
import { api } from './helpers/http.js';
import { createCatalog, seedCatalog } from './helpers/catalog.js';
import { restrictedUser } from './security/authz-fixture.js';

/** The SQL the kernel runs while `act` does, in order, as knex hands it to the driver. */
async function statementsOf(kernel: RunningKernel['kernel'], act: () => Promise<unknown>): Promise<string[]> {
	const sql: string[] = [];
	const listener = (query: { sql: string }) => sql.push(query.sql.replace(/[`"[\]]/g, ''));
	kernel.database.knex.on('query', listener);
	try {
		await act();
	} finally {
		kernel.database.knex.off('query', listener);
	}
	return sql;
}

/** The statements of the (one) write transaction, BEGIN and COMMIT left out. */
function inTransaction(t: ExecutionContext, sql: string[]): string[] {
	const begin = sql.findIndex((statement) => /^BEGIN/i.test(statement));
	const commit = sql.findIndex((statement) => /^COMMIT/i.test(statement));
	t.true(begin >= 0 && commit > begin, sql.join('\n'));
	t.is(sql.filter((statement) => /^BEGIN/i.test(statement)).length, 1, sql.join('\n'));
	return sql.slice(begin + 1, commit);
}

/** A JSON column as the driver gives it: text on SQLite, parsed elsewhere. */
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** A statement's verb and table, e.g. `update articles`. */
function kind(statement: string): string {
	const match = statement.match(/^(select)\b.*?\bfrom (\w+)/i) ?? statement.match(/^(update|insert into|delete from) (\w+)/i);
	return match ? `${match[1]} ${match[2]}`.toLowerCase() : statement;
}

vendorTest('a PATCH of one item is one transaction of an UPDATE and one insert each of activity and revision', async (t, db) => {
	const { url, stop, kernel } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const sql = await statementsOf(kernel, async () => {
			const patched = await api(url, 'PATCH', '/items/articles/2?fields=id,views,title', { views: 7 });
			t.deepEqual(patched.body.data, { id: 2, views: 7, title: 'hello again' });
		});
		const written = inTransaction(t, sql).map(kind);
		// Where the vendor returns updated rows, the revision's copy of the item comes with the UPDATE.
		const expected = kernel.database.dialect.batchReturning
			? ['update articles', 'insert into mantle_activity', 'insert into mantle_revisions']
			: ['update articles', 'select articles', 'insert into mantle_activity', 'insert into mantle_revisions'];
		t.deepEqual(written, expected, sql.join('\n'));

		const revision = await db.knex('mantle_revisions').orderBy('id', 'desc').first();
		t.like(json(revision.data), { id: 2, title: 'hello again', views: 7, status: 'published' });
		t.deepEqual(json(revision.delta), { views: 7 });
		const activity = await db.knex('mantle_activity').where({ id: revision.activity }).first();
		t.like(activity, { action: 'update', collection: 'articles', item: '2' });
	} finally {
		await stop();
	}
});

vendorTest('an admin PATCH of a key that names no item writes nothing and logs nothing', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const before = await db.knex('mantle_activity').count({ n: '*' });
		t.is((await api(url, 'PATCH', '/items/articles/999', { views: 1 })).status, 204);
		// A key no integer column can hold reaches no SQL: the answer is the client's mistake, never a 500.
		const unholdable = await api(url, 'PATCH', '/items/articles/not-a-number', { views: 1 });
		t.true(unholdable.status < 500, JSON.stringify(unholdable.body));
		const many = await api(url, 'PATCH', '/items/articles?fields=id,views', { keys: [1, 999], data: { views: 3 } });
		t.deepEqual(many.body.data, [{ id: 1, views: 3 }]);
		const after = await db.knex('mantle_activity').count({ n: '*' });
		t.is(Number(Object.values(after[0])[0]), Number(Object.values(before[0])[0]) + 1);
		t.is((await db.knex('mantle_activity').orderBy('id', 'desc').first()).item, '1');
	} finally {
		await stop();
	}
});

vendorTest('a batch PATCH writes the activity and the revisions of all its items in one insert each', async (t, db) => {
	const { url, stop, kernel } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const sql = await statementsOf(kernel, async () => {
			const batch = await api(url, 'PATCH', '/items/articles?fields=id,views', [
				{ id: 3, views: 1 },
				{ id: 4, views: 2 },
				{ id: 5, views: 3 },
			]);
			t.deepEqual(batch.body.data, [
				{ id: 3, views: 1 },
				{ id: 4, views: 2 },
				{ id: 5, views: 3 },
			]);
		});
		const written = inTransaction(t, sql).map(kind);
		// A vendor that cannot return the keys of a multi-row insert writes the log a row at a time.
		const inserts = kernel.database.dialect.batchReturning ? 1 : 3;
		t.is(written.filter((statement) => statement === 'insert into mantle_activity').length, inserts, sql.join('\n'));
		t.is(written.filter((statement) => statement === 'insert into mantle_revisions').length, inserts, sql.join('\n'));
		const revisions = await db.knex('mantle_revisions').orderBy('id', 'desc').limit(3);
		const byItem = new Map(revisions.map((revision: any) => [revision.item, revision]));
		for (const [item, views] of [
			['3', 1],
			['4', 2],
			['5', 3],
		] as const) {
			const revision: any = byItem.get(item);
			t.like(json(revision.data), { id: Number(item), views });
			t.deepEqual(json(revision.delta), { views });
			const activity = await db.knex('mantle_activity').where({ id: revision.activity }).first();
			t.like(activity, { action: 'update', collection: 'articles', item });
		}
	} finally {
		await stop();
	}
});

vendorTest("a restricted PATCH checks the caller's row rule once, and still refuses a row outside it", async (t, db) => {
	const { url, stop, kernel } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const editor = await restrictedUser(url, db, {
			policies: [
				[
					{ collection: 'articles', action: 'read', fields: '*' },
					{ collection: 'articles', action: 'update', fields: 'views', permissions: { status: { _eq: 'draft' } } },
				],
			],
		});
		const sql = await statementsOf(kernel, async () => {
			const patched = await api(url, 'PATCH', '/items/articles/3?fields=id,views', { views: 11 }, editor.token);
			t.deepEqual(patched.body.data, { id: 3, views: 11 });
		});
		const written = inTransaction(t, sql).map(kind);
		t.is(written.filter((statement) => statement === 'select articles').length, kernel.database.dialect.batchReturning ? 1 : 2, sql.join('\n'));
		t.is(written.filter((statement) => statement === 'update articles').length, 1);

		const refused = await api(url, 'PATCH', '/items/articles/1', { views: 12 }, editor.token);
		t.is(refused.status, 403);
		t.is((await db.knex('articles').where({ id: 1 }).first()).views, 120);
	} finally {
		await stop();
	}
});

vendorTest('the answer to a PATCH carries what the database and the system filled in', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const created = await api(url, 'POST', '/collections', {
			collection: 'notes',
			schema: {},
			meta: {},
			fields: [
				{ field: 'title', type: 'string' },
				{ field: 'status', type: 'string', schema: { default_value: 'new' } },
				{ field: 'date_updated', type: 'timestamp', meta: { special: ['date-updated'] } },
				{ field: 'user_updated', type: 'uuid', meta: { special: ['user-updated'] } },
			],
		});
		t.is(created.status, 200, JSON.stringify(created.body));
		const note = (await api(url, 'POST', '/items/notes', { title: 'first' })).body.data;
		t.is(note.status, 'new');
		t.is(note.date_updated, null);
		const admin = (await api(url, 'GET', '/users/me?fields=id')).body.data.id;

		const startedAt = Date.now() - 2000;
		const patched = await api(url, 'PATCH', `/items/notes/${note.id}`, { title: 'second' });
		t.is(patched.status, 200, JSON.stringify(patched.body));
		t.is(patched.body.data.title, 'second');
		t.is(patched.body.data.status, 'new');
		t.is(patched.body.data.user_updated, admin);
		t.true(Date.parse(patched.body.data.date_updated) >= startedAt, patched.body.data.date_updated);
		t.deepEqual(patched.body.data, (await api(url, 'GET', `/items/notes/${note.id}`)).body.data);

		const revision = await db.knex('mantle_revisions').where({ collection: 'notes' }).orderBy('id', 'desc').first();
		const data = json(revision.data);
		t.like(data, { id: note.id, title: 'second', status: 'new', user_updated: admin });
		t.truthy(data.date_updated);
	} finally {
		await stop();
	}
});

vendorTest('a write of more items than the log holds back records every one, each revision beside its activity', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const names = Array.from({ length: 1500 }, (_, index) => ({ name: `author ${index}` }));
		const created = await api(url, 'POST', '/items/authors?fields=id', names);
		t.is(created.status, 200, JSON.stringify(created.body).slice(0, 300));
		const activity = await db.knex('mantle_activity').where({ collection: 'authors', action: 'create' }).select('id', 'item');
		t.is(activity.length, 1500);
		const revisions = await db.knex('mantle_revisions').where({ collection: 'authors' }).select('activity', 'item', 'data');
		t.is(revisions.length, 1500);
		const itemOfActivity = new Map(activity.map((row: any) => [String(row.id), row.item]));
		t.true(revisions.every((revision: any) => itemOfActivity.get(String(revision.activity)) === revision.item));
		t.true(revisions.every((revision: any) => json(revision.data).name === `author ${Number(revision.item) - 1}`));
	} finally {
		await stop();
	}
});

vendorTest('whatever spelling of a key the database matches, every row an admin PATCH changes is logged under its stored key', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const created = await api(url, 'POST', '/collections', {
			collection: 'places',
			schema: {},
			meta: {},
			fields: [
				{ field: 'id', type: 'uuid', schema: { is_primary_key: true }, meta: { special: ['uuid'] } },
				{ field: 'name', type: 'string' },
			],
		});
		t.is(created.status, 200, JSON.stringify(created.body));
		const place = (await api(url, 'POST', '/items/places', { name: 'Lyon' })).body.data;
		await api(url, 'PATCH', `/items/places/${String(place.id).toUpperCase()}`, { name: 'Paris' });
		const stored = (await db.knex('places').where({ id: place.id }).first()).name;
		const logged = await db.knex('mantle_activity').where({ collection: 'places', action: 'update' }).select('item');
		// Databases differ on whether an upper-case UUID names the row; a row changed is a row logged.
		t.deepEqual(
			logged.map((row: any) => row.item),
			stored === 'Paris' ? [place.id] : [],
		);
	} finally {
		await stop();
	}
});
