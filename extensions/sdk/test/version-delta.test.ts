import test from 'ava';
import type { Item, PrimaryKey, Query } from '../src/items.js';
import { versionReadQuery, withVersionDelta, type VersionModel } from '../src/version-delta.js';

/** Authors with articles (one-to-many through `author`), each article with one editor (many-to-one to people). */
const people: Record<string, Item> = { '7': { id: 7, name: 'Grace' }, '8': { id: 8, name: 'Linus' } };
const articles: Record<string, Item> = {
	'1': { id: 1, title: 'First', editor: 7 },
	'2': { id: 2, title: 'Second', editor: 7 },
	'3': { id: 3, title: 'Elsewhere', editor: 8 },
};
const model: VersionModel = {
	async relation(collection, field) {
		if (collection === 'authors' && field === 'articles') return { kind: 'o2m', related: 'articles' };
		if (collection === 'articles' && field === 'editor') return { kind: 'm2o', related: 'people' };
		return null;
	},
	async primary() {
		return 'id';
	},
	async read(collection: string, key: PrimaryKey, query: Query) {
		const row = (collection === 'people' ? people : articles)[String(key)];
		if (!row) return null;
		const fields = query.fields ?? ['*'];
		if (fields.includes('*')) return { ...row };
		const picked: Item = {};
		for (const path of fields) {
			const [field, below] = path.split('.') as [string, string | undefined];
			picked[field] = below ? await model.read('people', row[field] as PrimaryKey, { fields: [below] }) : row[field];
		}
		return picked;
	},
};

test('the list form replaces the children: kept ones by key, changed ones merged, new ones from their payload, the rest gone', async (t) => {
	const query: Query = { fields: ['name', 'articles.title', 'articles.editor.name'] };
	const main = {
		name: 'Ada',
		articles: [
			{ title: 'First', editor: { name: 'Grace' } },
			{ title: 'Second', editor: { name: 'Grace' } },
		],
	};
	const delta = { articles: [{ id: 2, editor: 8 }, 3, { title: 'New', editor: { name: 'Margaret' } }] };
	// The main item is read with the children's keys, which the answer leaves out again since they were not asked for.
	const read = await versionReadQuery(model, 'authors', query, delta);
	t.deepEqual(read.fields, [...query.fields!, 'articles.id']);
	const withKeys = { ...main, articles: main.articles.map((row, index) => ({ ...row, id: index + 1 })) };
	t.deepEqual(await withVersionDelta(model, 'authors', withKeys, query, delta), {
		name: 'Ada',
		articles: [
			{ title: 'Second', editor: { name: 'Linus' } },
			{ title: 'Elsewhere', editor: { name: 'Linus' } },
			{ title: 'New', editor: { name: 'Margaret' } },
		],
	});
});

test('children read as keys stay keys: deleted ones leave, new ones show as their payload', async (t) => {
	const delta = { name: 'Ada L.', articles: { create: [{ title: 'New' }], update: [{ id: 1, title: 'First, edited' }], delete: [2] } };
	t.deepEqual(await withVersionDelta(model, 'authors', { name: 'Ada', articles: [1, 2] }, { fields: ['*'] }, delta), {
		name: 'Ada L.',
		articles: [1, { title: 'New' }],
	});
});

test('a many-to-one the version points elsewhere is read as the query asks; a field the query did not ask for stays out', async (t) => {
	const main = { title: 'First', editor: { name: 'Grace' } };
	const changed = await withVersionDelta(model, 'articles', main, { fields: ['title', 'editor.name'] }, { editor: 8, body: 'not asked' });
	t.deepEqual(changed, { title: 'First', editor: { name: 'Linus' } });
	t.deepEqual(await withVersionDelta(model, 'articles', { title: 'First', editor: 7 }, { fields: ['*'] }, { editor: { id: 8, name: 'Renamed' } }), {
		title: 'First',
		editor: 8,
	});
});
