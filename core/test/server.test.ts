import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendorTest } from './helpers/vendor-test.js';
import { adminToken, startKernel } from './helpers/kernel.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');
const admin = { authorization: `Bearer ${adminToken}` };

vendorTest('/server/ping answers pong as text', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const response = await fetch(`${url}/server/ping`);
		t.is(response.status, 200);
		t.regex(response.headers.get('content-type') ?? '', /^text\/plain/);
		t.is(await response.text(), 'pong');
	} finally {
		await stop();
	}
});

vendorTest('an unknown route answers 404 ROUTE_NOT_FOUND in the error shape, whatever the method', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		for (const method of ['GET', 'POST', 'DELETE']) {
			const response = await fetch(`${url}/no/such/route`, { method });
			t.is(response.status, 404);
			t.deepEqual(await response.json(), { errors: [{ message: `Route /no/such/route doesn't exist.`, extensions: { code: 'ROUTE_NOT_FOUND' } }] });
		}
	} finally {
		await stop();
	}
});

vendorTest('/server/info shows the project to everyone and the versions only to admins', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const anonymous = (await (await fetch(`${url}/server/info`)).json()) as { data: Record<string, unknown> };
		t.is((anonymous.data.project as Record<string, unknown>).project_name, 'Mantle');
		t.is(anonymous.data.version, undefined);
		t.is(anonymous.data.database, undefined);

		const asAdmin = (await (await fetch(`${url}/server/info`, { headers: admin })).json()) as { data: Record<string, any> };
		t.is(asAdmin.data.version, '0.1.0');
		t.is(asAdmin.data.database.vendor, db.vendor);
		t.regex(asAdmin.data.database.version, /SQLite|PostgreSQL|MariaDB|MySQL/);
	} finally {
		await stop();
	}
});

vendorTest('/server/health gives everyone the verdict and admins the database and storage checks', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const detailed = (await (await fetch(`${url}/server/health`, { headers: admin })).json()) as {
			status: string;
			checks: Record<string, Array<{ status: string; componentType: string }>>;
		};
		t.is(detailed.status, 'ok', JSON.stringify(detailed));

		const anonymous = await fetch(`${url}/server/health`);
		t.is(anonymous.status, 200);
		t.regex(anonymous.headers.get('content-type') ?? '', /^application\/health\+json/);
		t.deepEqual(await anonymous.json(), { status: 'ok' });
		t.is(detailed.checks[`${db.vendor}:responseTime`]![0]!.componentType, 'datastore');
		t.is(detailed.checks['storage:local:responseTime']![0]!.status, 'ok');
	} finally {
		await stop();
	}
});

vendorTest('/server/health reports a broken storage location as an error with 503', async (t, db) => {
	// A file where the storage root should be: the location can never be written to.
	const { url, stop } = await startKernel(db, { STORAGE_LOCAL_ROOT: fileURLToPath(import.meta.url) });
	try {
		const response = await fetch(`${url}/server/health`, { headers: admin });
		t.is(response.status, 503);
		const report = (await response.json()) as { status: string; checks: Record<string, Array<{ status: string }>> };
		t.is(report.status, 'error');
		t.is(report.checks['storage:local:responseTime']![0]!.status, 'error');
		t.is(report.checks[`${db.vendor}:responseTime`]![0]!.status, 'ok');
	} finally {
		await stop();
	}
});

vendorTest('a token that matches no user is refused with 401 INVALID_CREDENTIALS', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const response = await fetch(`${url}/server/info`, { headers: { authorization: 'Bearer not-a-real-token' } });
		t.is(response.status, 401);
		t.is(((await response.json()) as any).errors[0].extensions.code, 'INVALID_CREDENTIALS');
	} finally {
		await stop();
	}
});

vendorTest('request bodies: bad JSON is INVALID_PAYLOAD, too large is CONTENT_TOO_LARGE, an odd type is UNSUPPORTED_MEDIA_TYPE', async (t, db) => {
	const running = await startKernel(db, { MAX_PAYLOAD_SIZE: '1kb' });
	cpSync(path.join(fixtures, 'echo'), path.join(running.kernel.config.extensions.path, 'echo'), { recursive: true });
	await running.kernel.extensions.loadAll();
	const post = (body: string, type = 'application/json') => fetch(`${running.url}/echo`, { method: 'POST', headers: { 'content-type': type }, body });
	try {
		const ok = await post(JSON.stringify({ title: 'Hello' }));
		t.is(ok.status, 201);
		t.deepEqual(await ok.json(), { received: { title: 'Hello' }, contentType: 'application/json' });

		const bad = await post('{"title": ');
		t.is(bad.status, 400);
		t.is(((await bad.json()) as any).errors[0].extensions.code, 'INVALID_PAYLOAD');

		const large = await post(JSON.stringify({ text: 'x'.repeat(2048) }));
		t.is(large.status, 413);
		t.is(((await large.json()) as any).errors[0].extensions.code, 'CONTENT_TOO_LARGE');

		const odd = await post('<xml/>', 'application/xml');
		t.is(odd.status, 415);
		t.is(((await odd.json()) as any).errors[0].extensions.code, 'UNSUPPORTED_MEDIA_TYPE');
	} finally {
		await running.stop();
	}
});

vendorTest('/server/health warns, still with 200, when a check is slower than HEALTHCHECK_THRESHOLD', async (t, db) => {
	const { url, stop } = await startKernel(db, { HEALTHCHECK_THRESHOLD: '0' });
	try {
		const response = await fetch(`${url}/server/health`, { headers: admin });
		t.is(response.status, 200);
		const report = (await response.json()) as { status: string; checks: Record<string, Array<{ status: string; threshold: number }>> };
		t.is(report.status, 'warn');
		t.deepEqual(report.checks[`${db.vendor}:responseTime`]![0]!.status, 'warn');
	} finally {
		await stop();
	}
});
