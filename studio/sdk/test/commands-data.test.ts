import test from 'ava';
import {
	assetUrl,
	clearCache,
	createCollection,
	createField,
	createFolder,
	createItem,
	createItems,
	createRelation,
	deleteCollection,
	deleteField,
	deleteFile,
	deleteFolder,
	deleteItems,
	deleteRelation,
	generateHash,
	graphql,
	MantleError,
	randomString,
	readActivities,
	readCollection,
	readCollections,
	readField,
	readFieldsByCollection,
	readFile,
	readFiles,
	readFolders,
	readItems,
	readRelation,
	readRelationsByCollection,
	readRevisions,
	readSingleton,
	revertRevision,
	schemaApply,
	schemaDiff,
	schemaSnapshot,
	updateCollection,
	updateField,
	updateFile,
	updateFolder,
	updateItem,
	updateItems,
	updateItemsBatch,
	updateRelation,
	updateSingleton,
	uploadFiles,
	utilitySort,
	utilsExport,
	utilsImport,
	verifyHash,
} from '../src/index.js';
import { adminToken } from './helpers.js';
import { routes as has, server } from './shared-server.js';

const admin = () => server.admin;

const id = { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } };

test('collections: create, read, update and delete, with meta', async (t) => {
	await admin().request(
		createCollection({ collection: 'c_notes', schema: {}, meta: { note: 'first' }, fields: [id, { field: 'body', type: 'text', schema: {} }] }),
	);
	t.true((await admin().request(readCollections())).some((collection) => collection.collection === 'c_notes'));
	await admin().request(updateCollection('c_notes', { meta: { note: 'second' } }));
	t.is((await admin().request(readCollection('c_notes'))).meta?.note, 'second');
	await admin().request(deleteCollection('c_notes'));
	const gone = await t.throwsAsync(admin().request(readCollection('c_notes')), { instanceOf: MantleError });
	t.is(gone?.code, 'FORBIDDEN');
});

test('fields and relations: add a field, change it, relate two collections, and remove both', async (t) => {
	await admin().request(createCollection({ collection: 'f_owners', schema: {}, meta: {}, fields: [id] }));
	await admin().request(createCollection({ collection: 'f_pets', schema: {}, meta: {}, fields: [id] }));
	await admin().request(createField('f_pets', { field: 'name', type: 'string', schema: { max_length: 40 }, meta: { note: 'n' } }));
	await admin().request(updateField('f_pets', 'name', { meta: { note: 'the pet name' } }));
	t.is((await admin().request(readField('f_pets', 'name'))).meta?.note, 'the pet name');
	t.deepEqual((await admin().request(readFieldsByCollection('f_pets'))).map((field) => field.field).sort(), ['id', 'name']);

	await admin().request(createField('f_pets', { field: 'owner', type: 'integer', schema: {} }));
	await admin().request(createRelation({ collection: 'f_pets', field: 'owner', related_collection: 'f_owners', meta: { one_field: null } }));
	t.is((await admin().request(readRelation('f_pets', 'owner'))).related_collection, 'f_owners');
	await admin().request(updateRelation('f_pets', 'owner', { schema: { on_delete: 'CASCADE' } }));
	t.is((await admin().request(readRelation('f_pets', 'owner'))).schema?.on_delete, 'CASCADE');
	t.is((await admin().request(readRelationsByCollection('f_pets'))).length, 1);
	await admin().request(deleteRelation('f_pets', 'owner'));
	t.is((await admin().request(readRelationsByCollection('f_pets'))).length, 0);
	await admin().request(deleteField('f_pets', 'name'));
	t.deepEqual((await admin().request(readFieldsByCollection('f_pets'))).map((field) => field.field).sort(), ['id', 'owner']);
});

test('items: batch and query-based updates and deletes, aggregates, meta and singletons', async (t) => {
	await admin().request(
		createCollection({
			collection: 'i_tasks',
			schema: {},
			meta: {},
			fields: [id, { field: 'title', type: 'string', schema: {} }, { field: 'points', type: 'integer', schema: {} }],
		}),
	);
	const created = await admin().request(
		createItems('i_tasks', [
			{ title: 'a', points: 1 },
			{ title: 'b', points: 2 },
			{ title: 'c', points: 3 },
		]),
	);
	const [a, b, c] = created.map((row: { id: number }) => row.id);
	await admin().request(updateItems('i_tasks', [a, b], { points: 10 }));
	await admin().request(updateItemsBatch('i_tasks', [{ id: c, title: 'C' }]));
	await admin().request(updateItems('i_tasks', { filter: { title: { _eq: 'a' } } }, { title: 'A' }));
	const rows = await admin().request(readItems('i_tasks', { fields: ['title', 'points'], sort: ['title'] }));
	t.deepEqual(rows, [
		{ title: 'A', points: 10 },
		{ title: 'C', points: 3 },
		{ title: 'b', points: 10 },
	]);
	const [sum] = await admin().request(readItems('i_tasks', { aggregate: { sum: 'points' } }));
	t.is(Number(sum.sum.points), 23);
	const envelope = await admin().requestEnvelope(readItems('i_tasks', { meta: 'total_count', limit: 1 }));
	t.is(envelope.data.length, 1);
	t.is(envelope.meta?.total_count, 3);
	await admin().request(deleteItems('i_tasks', { filter: { points: { _eq: 10 } } }));
	await admin().request(deleteItems('i_tasks', [c]));
	t.deepEqual(await admin().request(readItems('i_tasks')), []);

	await admin().request(
		createCollection({ collection: 'i_home', schema: {}, meta: { singleton: true }, fields: [id, { field: 'headline', type: 'string', schema: {} }] }),
	);
	await admin().request(updateSingleton('i_home', { headline: 'Hello' }));
	t.is((await admin().request(readSingleton('i_home', { fields: ['headline'] }))).headline, 'Hello');
});

test('files, folders and asset URLs: upload into a folder, update, transform by URL, delete', async (t) => {
	const folder = await admin().request(createFolder({ name: 'Pictures' }));
	await admin().request(updateFolder(folder.id, { name: 'Photos' }));
	t.deepEqual(
		(await admin().request(readFolders({ fields: ['name'] }))).map((row) => row.name),
		['Photos'],
	);
	// A 2x2 red PNG.
	const png = Uint8Array.from(
		atob('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAE0lEQVQImWP4z8DwnwGM/zMwAAAf7gP9qS/A4gAAAABJRU5ErkJggg=='),
		(char) => char.charCodeAt(0),
	);
	const form = new FormData();
	form.append('folder', folder.id);
	form.append('file', new File([png], 'red.png', { type: 'image/png' }));
	const file = (await admin().request(uploadFiles(form))) as { id: string };
	await admin().request(updateFile(file.id, { title: 'Red square' }));
	const read = await admin().request(readFile(file.id, { fields: ['title', 'folder', 'type'] }));
	t.deepEqual(read, { title: 'Red square', folder: folder.id, type: 'image/png' });

	const link = assetUrl(server.url, file.id, { width: 1, height: 1, fit: 'cover', format: 'webp', access_token: adminToken });
	t.regex(link, new RegExp(`/assets/${file.id}\\?width=1&height=1&fit=cover&format=webp&access_token=`));
	const transformed = await fetch(link);
	t.is(transformed.status, 200);
	t.is(transformed.headers.get('content-type'), 'image/webp');
	t.true(assetUrl(`${server.url}/`, file.id, { transforms: [['rotate', 90]], filename: 'red.png' }).includes(`/assets/${file.id}/red.png?transforms=`));

	await admin().request(deleteFile(file.id));
	t.deepEqual(await admin().request(readFiles({ filter: { id: { _eq: file.id } } })), []);
	await admin().request(deleteFolder(folder.id));
});

// Serial, so no other test's collection appears between the snapshot and its diff.
test.serial('schema: a snapshot applied to itself is no change; a changed one diffs and applies', async (t) => {
	await admin().request(createCollection({ collection: 's_books', schema: {}, meta: {}, fields: [id] }));
	const snapshot = await admin().request(schemaSnapshot());
	t.true(snapshot.collections.some((collection: any) => collection.collection === 's_books'));
	t.is(await admin().request(schemaDiff(snapshot)), null);
	await admin().request(createField('s_books', { field: 'isbn', type: 'string', schema: {} }));
	const diff = await admin().request(schemaDiff(snapshot));
	t.truthy(diff?.hash);
	await admin().request(schemaApply(diff!));
	t.false(
		(await admin().request(readFieldsByCollection('s_books'))).some((field) => field.field === 'isbn'),
		'applying the old snapshot removed the new field',
	);
});

test('utils, revisions and activity: revert an item to a revision, export, import, clear the cache', async (t) => {
	await admin().request(
		createCollection({
			collection: 'u_notes',
			schema: {},
			meta: {},
			fields: [id, { field: 'text', type: 'string', schema: {} }, { field: 'sort', type: 'integer', schema: {} }],
		}),
	);
	const note = await admin().request(createItem('u_notes', { text: 'first' }));
	await admin().request(updateItem('u_notes', note.id, { text: 'second' }));
	const revisions = await admin().request(readRevisions({ filter: { collection: { _eq: 'u_notes' } }, sort: ['id'], fields: ['id', 'data'] }));
	t.is(revisions.length, 2);
	const activity = await admin().request(readActivities({ filter: { collection: { _eq: 'u_notes' } }, fields: ['action'] }));
	t.deepEqual(activity.map((row) => row.action).sort(), ['create', 'update']);
	await admin().request(revertRevision(revisions[0]!.id));
	t.is((await admin().request(readItems('u_notes', { fields: ['text'] })))[0].text, 'first');

	const exported = await admin().request(utilsExport('u_notes', 'json', { fields: ['text'] }));
	t.deepEqual(await exported.json(), [{ text: 'first' }]);
	const form = new FormData();
	form.append('file', new File([JSON.stringify([{ text: 'imported' }])], 'notes.json', { type: 'application/json' }));
	await admin().request(utilsImport('u_notes', form));
	t.deepEqual(
		(await admin().request(readItems('u_notes', { fields: ['text'], sort: ['id'] }))).map((row) => row.text),
		['first', 'imported'],
	);
	await admin().request(clearCache());
});

(has.randomUtil ? test : test.skip)('utils: a random string of the asked length', async (t) => {
	t.regex(await admin().request(randomString(12)), /^.{12}$/);
});

(has.hashUtil ? test : test.skip)('utils: hash and verify a string', async (t) => {
	const hash = await admin().request(generateHash('secret words'));
	t.true(await admin().request(verifyHash('secret words', hash)));
	t.false(await admin().request(verifyHash('other words', hash)));
});

(has.sortUtil ? test : test.skip)('utils: move an item in a manually sorted collection', async (t) => {
	await admin().request(
		createCollection({ collection: 'u_sorted', schema: {}, meta: { sort_field: 'sort' }, fields: [id, { field: 'sort', type: 'integer', schema: {} }] }),
	);
	const rows = await admin().request(createItems('u_sorted', [{ sort: 1 }, { sort: 2 }, { sort: 3 }]));
	await admin().request(utilitySort('u_sorted', rows[2].id, rows[0].id));
	t.deepEqual(
		(await admin().request(readItems('u_sorted', { sort: ['sort'], fields: ['id'] }))).map((row) => row.id),
		[rows[2].id, rows[0].id, rows[1].id],
	);
});

(has.graphql ? test : test.skip)('graphql: a query on /graphql and one on /graphql/system', async (t) => {
	await admin().request(createCollection({ collection: 'g_posts', schema: {}, meta: {}, fields: [id, { field: 'title', type: 'string', schema: {} }] }));
	await admin().request(createItem('g_posts', { title: 'Via GraphQL' }));
	const items = await admin().request(graphql<{ g_posts: Array<{ title: string }> }>('query { g_posts { title } }'));
	t.deepEqual(items.data?.g_posts, [{ title: 'Via GraphQL' }]);
	const system = await admin().request(graphql<{ users_me: { email: string } }>('query Me { users_me { email } }', {}, 'system'));
	t.is(system.data?.users_me.email, 'admin@example.com');
	const invalid = await t.throwsAsync(admin().request(graphql('query { nope_nothing { id } }')), { instanceOf: MantleError });
	t.is(invalid?.status, 400);
});
