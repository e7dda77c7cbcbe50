import { vendorTest } from '../../../core/test/helpers/vendor-test.js';
import {
	createClient,
	createItem,
	createItems,
	deleteItem,
	MantleError,
	readItem,
	readItems,
	readMe,
	serverInfo,
	serverPing,
	updateItem,
} from '../src/index.js';
import { adminEmail, adminPassword, client, createBlogSchema, withKernelOn } from './helpers.js';

interface Author {
	id: number;
	name: string;
}
interface Article {
	id: number;
	title: string;
	views: number | null;
	author: number | Author | null;
}
interface Blog {
	articles: Article[];
	authors: Author[];
}

vendorTest('a json login reads the signed-in user and items with nested fields, and errors carry code, status and field', async (t, db) => {
	await withKernelOn(db, {}, async ({ url, admin }) => {
		await createBlogSchema(admin);
		const sdk = createClient<Blog>(url);
		const auth = await sdk.login({ email: adminEmail, password: adminPassword });
		t.truthy(auth.access_token);
		t.truthy(auth.refresh_token);
		t.true((auth.expires ?? 0) > 0);
		t.is((await sdk.request(readMe({ fields: ['email'] }))).email, adminEmail);
		t.is(await sdk.request(serverPing()), 'pong');
		t.is(typeof (await sdk.request(serverInfo())).project, 'object');

		const author = await sdk.request(createItem('authors', { name: 'Ada' }));
		await sdk.request(
			createItems('articles', [
				{ title: 'One', views: 3, author: author.id },
				{ title: 'Two', views: 5, author: author.id },
			]),
		);
		const rows = await sdk.request(readItems('articles', { fields: ['id', 'title', 'author.name'], filter: { views: { _gt: 4 } }, sort: ['-id'] }));
		t.deepEqual(
			rows.map((row) => [row.title, typeof row.author === 'object' ? row.author?.name : null]),
			[['Two', 'Ada']],
		);

		const updated = await sdk.request(updateItem('articles', rows[0]!.id, { views: 6 }));
		t.is(updated.views, 6);
		await sdk.request(deleteItem('articles', rows[0]!.id));
		const gone = await t.throwsAsync(sdk.request(readItem('articles', rows[0]!.id)), { instanceOf: MantleError });
		t.is(gone?.status, 403);
		t.is(gone?.code, 'FORBIDDEN');

		const invalid = await t.throwsAsync(sdk.request(createItem('articles', { views: 1 })), { instanceOf: MantleError });
		t.is(invalid?.status, 400);
		t.is(invalid?.code, 'FAILED_VALIDATION');
		t.is(invalid?.field, 'title');

		const wrong = await t.throwsAsync(client(url).login({ email: adminEmail, password: 'nope' }), { instanceOf: MantleError });
		t.is(wrong?.code, 'INVALID_CREDENTIALS');
		t.is(wrong?.status, 401);
	});
});
