import { vendorTest } from './helpers/vendor-test.js';
import { api } from './helpers/http.js';
import { startKernel } from './helpers/kernel.js';
import { createCatalog, seedCatalog } from './helpers/catalog.js';
import { activeTransaction } from '../src/items/transaction-context.js';

// A read that comes while a write transaction is open answers at once, with the rows as last
// committed: never the write's rows before it commits, and never stuck behind it (on SQLite the
// write holds the pool's only connection; reads run on a connection of their own).

vendorTest('a read during an open write transaction answers at once with the committed row, and the write after its commit', async (t, db) => {
	const { url, stop, kernel } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const path = '/items/articles/1?fields=id,title,tags';
		const committed = (await api(url, 'GET', path)).body.data;
		const countChanged = '/items/articles?aggregate[count]=*&filter[title][_eq]=Changed%20inside';

		let release!: () => void;
		const held = new Promise<void>((resolve) => (release = resolve));
		let inside!: (title: string) => void;
		const entered = new Promise<string>((resolve) => (inside = resolve));
		// The junction row is written after its article: the hook holds the transaction open with the new title in it.
		kernel.bus.onFilter('articles_tags.items.create', 'test', async (payload: unknown) => {
			const row = await activeTransaction.getStore()!.trx('articles').where({ id: 1 }).first('title');
			inside(row.title);
			await held;
			return payload;
		});
		const write = api(url, 'PATCH', '/items/articles/1', { title: 'Changed inside', tags: { create: [{ tags_id: 3 }], update: [], delete: [] } });
		t.is(await entered, 'Changed inside', 'the transaction holds the new title');

		const during = await api(url, 'GET', path);
		t.is(during.status, 200);
		t.deepEqual(during.body.data, committed);
		// Aggregates too: counted over the committed rows, without waiting for the write.
		t.deepEqual((await api(url, 'GET', countChanged)).body.data, [{ count: 0 }]);

		release();
		t.is((await write).status, 200);
		const after = (await api(url, 'GET', path)).body.data;
		t.is(after.title, 'Changed inside');
		t.is(after.tags.length, committed.tags.length + 1);
		t.deepEqual((await api(url, 'GET', countChanged)).body.data, [{ count: 1 }]);
	} finally {
		await stop();
	}
});
