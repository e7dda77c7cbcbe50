import test from 'ava';
import { isPrivateAddress } from '@mantle/sandbox/network';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminToken, startKernel } from '../helpers/kernel.js';
import { api, errorCode } from '../helpers/http.js';
import { createCatalog } from '../helpers/catalog.js';
import { catalogueChecksum } from './robustness-fixture.js';

/**
 * Findings 6 (imports that never answered), 8 (500s logging whole statements with their values)
 * and 11 (loopback reached through IPv4-in-IPv6 notations) of the security review.
 */

/** A POST whose answer must come within `ms`: the import used to leave the client waiting forever. */
async function postWithin(url: string, body: string | FormData, headers: Record<string, string>, ms = 30_000) {
	const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(ms) }).catch((error: Error) => {
		throw new Error(`POST ${url} failed: ${String(error.cause ?? error)}`);
	});
	return { status: response.status, body: (await response.json()) as { errors?: Array<{ message: string; extensions: { code: string } }> } };
}

vendorTest('an import that is not an array of objects answers 400 INVALID_PAYLOAD, signed in or not, and imports nothing', async (t, db) => {
	const running = await startKernel(db);
	try {
		await createCatalog(running.url);
		const before = await catalogueChecksum(db.knex);
		for (const document of ['{}', '[1]', '"str"', '123', '[{"name":"ok"}, null]', '[{"name":', 'null']) {
			for (const token of [adminToken, null]) {
				const headers: Record<string, string> = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
				const response = await postWithin(`${running.url}/utils/import/authors`, document, headers);
				t.is(response.status, 400, `${document} as ${token ? 'admin' : 'anonymous'}: ${JSON.stringify(response.body)}`);
				t.is(response.body.errors?.[0]?.extensions.code, 'INVALID_PAYLOAD');
			}
		}
		const csv = await postWithin(`${running.url}/utils/import/authors`, 'name\n"unterminated\n', {
			'content-type': 'text/csv',
			authorization: `Bearer ${adminToken}`,
		});
		t.is(csv.status, 400);
		const form = new FormData();
		form.append('file', new Blob(['{}'], { type: 'application/json' }), 'authors.json');
		const multipart = await postWithin(`${running.url}/utils/import/authors`, form, { authorization: `Bearer ${adminToken}` });
		t.is(multipart.status, 400, JSON.stringify(multipart.body));
		t.is(await catalogueChecksum(db.knex), before);
		t.is((await fetch(`${running.url}/server/ping`)).status, 200);
	} finally {
		await running.stop();
	}
});

vendorTest('a failing statement is logged cut short, with its SQL but never the values it was given', async (t, db) => {
	const running = await startKernel(db);
	try {
		const created = await api(running.url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		t.true(created.status < 300, JSON.stringify(created.body));
		// Dropped behind Mantle's back, so the next statement on it fails inside the database.
		await db.knex.schema.dropTable('notes');
		const secret = 'SECRET-VALUE-5f1c';
		const failing = await api(running.url, 'GET', `/items/notes?filter[text][_eq]=${secret}&search=${secret}-${'x'.repeat(5000)}`);
		t.is(failing.status, 500);
		t.is(errorCode(failing), 'INTERNAL');
		t.notRegex(JSON.stringify(failing.body), /notes|select/i, 'the client learns nothing of the SQL');
		const lines = running.logs.map((line) => JSON.stringify(line));
		const errors = running.logs.filter((line) => Number(line.level) >= 40).map((line) => JSON.stringify(line));
		const logged = errors.find((line) => line.includes('request failed'));
		t.truthy(logged, 'the failure is logged');
		t.regex(logged!, /notes/, 'with the statement');
		for (const line of errors) t.false(line.includes(secret), 'no bound value reaches an error line');
		for (const line of lines) t.true(line.length < 8000, `a log line of ${line.length} characters`);
	} finally {
		await running.stop();
	}
});

vendorTest('importing a file from loopback written as IPv4-mapped, -compatible or -translated IPv6 is refused', async (t, db) => {
	const running = await startKernel(db);
	try {
		const port = new URL(running.url).port;
		for (const host of [
			'[::ffff:7f00:1]',
			'[::ffff:127.0.0.1]',
			'[0:0:0:0:0:ffff:7f00:1]',
			'[::127.0.0.1]',
			'[::7f00:1]',
			'[::ffff:0:7f00:1]',
			'[::1]',
			'127.1',
			'2130706433',
		]) {
			const response = await api(running.url, 'POST', '/files/import', { url: `http://${host}:${port}/server/ping` });
			t.is(response.status, 403, `${host}: ${JSON.stringify(response.body)}`);
			t.is(errorCode(response), 'FORBIDDEN');
		}
	} finally {
		await running.stop();
	}
});

test('the private-address list refuses every IPv6 notation of loopback and private IPv4, and lets public addresses through', (t) => {
	const refused = [
		'127.0.0.1',
		'10.1.2.3',
		'192.168.0.1',
		'169.254.169.254',
		'::1',
		'::',
		'::ffff:127.0.0.1',
		'::ffff:7f00:1',
		'0:0:0:0:0:ffff:7f00:1',
		'::ffff:a00:1',
		'::ffff:c0a8:1',
		'::ffff:a9fe:a9fe',
		'::127.0.0.1',
		'::7f00:1',
		'::a00:1',
		'::ffff:0:7f00:1',
		'::ffff:0:127.0.0.1',
		'64:ff9b::7f00:1',
		'fe80::1',
		'fc00::1',
		'not an address',
	];
	for (const address of refused) t.true(isPrivateAddress(address), address);
	for (const address of ['8.8.8.8', '1.1.1.1', '::ffff:8.8.8.8', '::ffff:808:808', '2606:4700:4700::1111']) t.false(isPrivateAddress(address), address);
});
