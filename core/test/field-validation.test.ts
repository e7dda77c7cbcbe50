import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { vendorTest } from './helpers/vendor-test.js';

vendorTest("a field's own validation rule refuses bad values for everyone, admins included, with its message, and leaves nothing written", async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const made = await api(url, 'POST', '/collections', {
			collection: 'contacts',
			schema: {},
			meta: {},
			fields: [
				{
					field: 'email',
					type: 'string',
					meta: { validation: { email: { _regex: '^[^@\\s]+@[^@\\s]+$' } }, validation_message: 'Give an e-mail address.' },
				},
				{ field: 'age', type: 'integer', meta: { validation: { _and: [{ age: { _gte: 0 } }, { age: { _lt: 150 } }] } } },
				{ field: 'name', type: 'string' },
			],
		});
		t.is(made.status, 200, JSON.stringify(made.body));

		const refused = await api(url, 'POST', '/items/contacts', { email: 'not an address', name: 'Ada' });
		t.is(refused.status, 400, JSON.stringify(refused.body));
		t.is(errorCode(refused), 'FAILED_VALIDATION');
		t.is(refused.body.errors[0].message, 'Give an e-mail address.');
		t.is(refused.body.errors[0].extensions.field, 'email');

		const tooOld = await api(url, 'POST', '/items/contacts', { email: 'ada@example.com', age: 200 });
		t.is(errorCode(tooOld), 'FAILED_VALIDATION');
		t.regex(tooOld.body.errors[0].message, /age/, 'without a message of its own the error names the field');
		t.deepEqual((await api(url, 'GET', '/items/contacts')).body.data, [], 'refused creates wrote nothing');

		const created = await api(url, 'POST', '/items/contacts', { email: 'ada@example.com', age: 36, name: 'Ada' });
		t.is(created.status, 200, JSON.stringify(created.body));
		const id = created.body.data.id;
		t.is((await api(url, 'PATCH', `/items/contacts/${id}`, { name: 'Ada L.' })).status, 200, 'a partial update is judged by what it sends');
		const badUpdate = await api(url, 'PATCH', `/items/contacts/${id}`, { age: -1, name: 'Nobody' });
		t.is(errorCode(badUpdate), 'FAILED_VALIDATION');
		t.like((await api(url, 'GET', `/items/contacts/${id}`)).body.data, { age: 36, name: 'Ada L.' }, 'the refused update changed nothing');

		// The rule changes with the data model at once.
		await api(url, 'PATCH', '/fields/contacts/age', { meta: { validation: null } });
		t.is((await api(url, 'PATCH', `/items/contacts/${id}`, { age: 200 })).status, 200);
	} finally {
		await stop();
	}
});
