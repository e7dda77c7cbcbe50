import { randomUUID } from 'node:crypto';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';

vendorTest("a create permission's row rule holds for the created item: one outside it is refused and nothing is stored", async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const made = await api(url, 'POST', '/collections', {
			collection: 'notes',
			schema: {},
			meta: {},
			fields: [
				{ field: 'text', type: 'string' },
				{ field: 'status', type: 'string' },
			],
		});
		t.is(made.status, 200, JSON.stringify(made.body));
		const role = (await api(url, 'POST', '/roles', { name: 'Drafter' })).body.data.id;
		const policy = (await api(url, 'POST', '/policies', { name: 'Drafts only' })).body.data.id;
		await api(url, 'POST', '/access', { role, policy });
		await api(url, 'POST', '/permissions', { policy, collection: 'notes', action: 'create', fields: ['*'], permissions: { status: { _eq: 'draft' } } });
		await api(url, 'POST', '/permissions', { policy, collection: 'notes', action: 'read', fields: ['*'] });
		const token = 'create-rule-token-0123456789';
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'drafter@example.com', status: 'active', role, token });

		t.is((await api(url, 'POST', '/items/notes', { text: 'ok', status: 'draft' }, token)).status, 200);
		t.is(errorCode(await api(url, 'POST', '/items/notes', { text: 'sneaky', status: 'published' }, token)), 'FORBIDDEN');
		t.is(
			errorCode(
				await api(
					url,
					'POST',
					'/items/notes',
					[
						{ text: 'fine', status: 'draft' },
						{ text: 'sneaky', status: 'published' },
					],
					token,
				),
			),
			'FORBIDDEN',
			'one bad item refuses the batch',
		);
		t.deepEqual(
			(await db.knex('notes').select('text')).map((row) => row.text),
			['ok'],
		);
	} finally {
		await stop();
	}
});
