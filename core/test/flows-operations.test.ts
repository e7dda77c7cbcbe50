import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { startSmtpServer } from './helpers/smtp.js';
import { createFlow, eventually } from './helpers/flows.js';

async function collection(url: string, name: string, fields: unknown[]) {
	const response = await api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields });
	if (response.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(response.body)}`);
}

/** A local HTTP server that records what it receives and answers JSON. */
async function startEchoServer() {
	const received: Array<{ method: string; url: string; body: string; headers: http.IncomingHttpHeaders }> = [];
	const server = http.createServer((request, response) => {
		let body = '';
		request.on('data', (chunk) => (body += chunk));
		request.on('end', () => {
			received.push({ method: request.method!, url: request.url!, body, headers: request.headers });
			response.writeHead(request.url === '/fail' ? 500 : 201, { 'content-type': 'application/json' });
			response.end(JSON.stringify({ echoed: body ? JSON.parse(body) : null }));
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return {
		url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
		received,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

vendorTest('flows: request, mail, JSON web token, trigger flow with iteration, notification and sleep, each against real services', async (t, db) => {
	const smtp = await startSmtpServer();
	const echo = await startEchoServer();
	const { url, stop } = await startKernel(db, { ...smtp.env, EMAIL_FROM: 'flows@example.com', FLOWS_REQUEST_ALLOW_PRIVATE_NETWORK: 'true' });
	try {
		const admin = (await api(url, 'GET', '/users/me?fields=id')).body.data.id;
		const child = await createFlow(url, { name: 'Square', trigger: 'operation' }, [
			{ key: 'square', type: 'exec', options: { code: 'module.exports = (data) => data.$trigger * data.$trigger;' } },
		]);
		const flow = await createFlow(url, { name: 'Everything', trigger: 'webhook', options: { method: 'POST', return: '$all' } }, [
			{
				key: 'call',
				type: 'request',
				options: { url: `${echo.url}/hook`, method: 'POST', headers: [{ header: 'x-flow', value: 'yes' }], body: '{{ $trigger.body }}' },
				resolve: 'mail',
			},
			{
				key: 'mail',
				type: 'mail',
				options: {
					to: ['ops@example.com'],
					subject: 'Got {{ call.status }}',
					type: 'template',
					body: 'Hello {{ name }}!',
					data: { name: '{{ $trigger.body.name }}' },
				},
				resolve: 'sign',
			},
			{
				key: 'sign',
				type: 'json-web-token',
				options: { operation: 'sign', payload: { sub: '{{ $trigger.body.name }}' }, secret: 'a-secret-of-sixteen+', options: { expiresIn: '1h' } },
				resolve: 'verify',
			},
			{ key: 'verify', type: 'json-web-token', options: { operation: 'verify', token: '{{ sign }}', secret: 'a-secret-of-sixteen+' }, resolve: 'squares' },
			{
				key: 'squares',
				type: 'trigger',
				options: { flow: child.id, payload: '{{ $trigger.body.numbers }}', iterationMode: 'batch', batchSize: 2 },
				resolve: 'pause',
			},
			{ key: 'pause', type: 'sleep', options: { milliseconds: 20 }, resolve: 'notify' },
			{ key: 'notify', type: 'notification', options: { recipient: admin, subject: 'Squares: {{ squares }}', permissions: '$full' } },
		]);

		const answered = await api(url, 'POST', `/flows/trigger/${flow.id}`, { name: 'Ada', numbers: [1, 2, 3, 4, 5] });
		t.is(answered.status, 200, JSON.stringify(answered.body));
		const chain = answered.body.data;
		t.like(chain.call, { status: 201, data: { echoed: { name: 'Ada', numbers: [1, 2, 3, 4, 5] } } });
		t.like(echo.received[0], { method: 'POST', url: '/hook' });
		t.is(echo.received[0]!.headers['x-flow'], 'yes');
		t.is(chain.verify.sub, 'Ada');
		t.deepEqual(chain.squares, [1, 4, 9, 16, 25]);
		t.is(chain.$env, undefined, 'no environment in the answer');

		const mail = await smtp.next();
		t.deepEqual(mail.to, ['ops@example.com']);
		t.regex(mail.raw, /Subject: Got 201/);
		t.regex(mail.raw, /Hello Ada!/);
		const notification = await db.knex('mantle_notifications').where({ recipient: admin }).first('subject');
		t.is(notification?.subject, 'Squares: [1,4,9,16,25]');

		const failing = await createFlow(url, { name: 'Failing call', trigger: 'webhook', options: { method: 'POST' } }, [
			{ key: 'call', type: 'request', options: { url: `${echo.url}/fail`, method: 'GET' }, reject: 'fallback' },
			{ key: 'fallback', type: 'transform', options: { json: '{ "failedWith": {{ call.response.status }} }' } },
		]);
		t.deepEqual((await api(url, 'POST', `/flows/trigger/${failing.id}`, {})).body.data, { failedWith: 500 }, 'a failed request takes the reject path');
	} finally {
		await stop();
		await echo.close();
		await smtp.close();
	}
});

vendorTest(
	'flows: item operations act with the permissions the flow chose; manual triggers need a user who may read the items; throw-error answers its code',
	async (t, db) => {
		const echo = await startEchoServer();
		const { url, stop } = await startKernel(db);
		try {
			await collection(url, 'articles', [
				{ field: 'title', type: 'string' },
				{ field: 'status', type: 'string' },
			]);
			const ids = [];
			for (const title of ['one', 'two', 'three']) ids.push((await api(url, 'POST', '/items/articles', { title, status: 'draft' })).body.data.id);

			const role = (await api(url, 'POST', '/roles', { name: 'Reader' })).body.data.id;
			const policy = (await api(url, 'POST', '/policies', { name: 'Read drafts', app_access: true })).body.data.id;
			await api(url, 'POST', '/access', { role, policy });
			await api(url, 'POST', '/permissions', { policy, collection: 'articles', action: 'read', fields: '*', permissions: { title: { _neq: 'three' } } });
			const token = 'flows-reader-token-0123456789';
			await db.knex('mantle_users').insert({ id: randomUUID(), email: 'reader@example.com', status: 'active', role, token });

			const publish = await createFlow(url, { name: 'Publish', trigger: 'manual', options: { collections: ['articles'] } }, [
				{ key: 'keys', type: 'transform', options: { json: '{{ $trigger.body.keys }}' }, resolve: 'update' },
				{
					key: 'update',
					type: 'item-update',
					options: { collection: 'articles', permissions: '$full', key: '{{ keys }}', payload: { status: 'published' } },
					resolve: 'read',
				},
				{
					key: 'read',
					type: 'item-read',
					options: {
						collection: 'articles',
						permissions: '$trigger',
						query: { fields: ['title', 'status'], filter: { status: { _eq: 'published' } }, sort: ['title'] },
					},
				},
			]);
			t.is(
				errorCode(await api(url, 'POST', `/flows/trigger/${publish.id}`, { collection: 'articles', keys: [ids[0]] }, null)),
				'FORBIDDEN',
				'the public cannot run a manual flow',
			);
			t.is(
				errorCode(await api(url, 'POST', `/flows/trigger/${publish.id}`, { collection: 'articles', keys: [ids[2]] }, token)),
				'FORBIDDEN',
				'not on an item the user may not read',
			);
			t.is(errorCode(await api(url, 'POST', `/flows/trigger/${publish.id}`, { collection: 'directus_users', keys: [ids[0]] }, token)), 'INVALID_PAYLOAD');
			t.deepEqual((await db.knex('articles').where({ status: 'published' })).length, 0, 'refused triggers changed nothing');

			const ran = await api(url, 'POST', `/flows/trigger/${publish.id}`, { collection: 'articles', keys: [ids[0], ids[1]] }, token);
			t.is(ran.status, 200, JSON.stringify(ran.body));
			t.deepEqual(
				ran.body.data,
				[
					{ title: 'one', status: 'published' },
					{ title: 'two', status: 'published' },
				],
				"read back with the trigger's permissions",
			);

			const sneaky = await createFlow(url, { name: 'Sneaky', trigger: 'webhook', options: { method: 'POST' } }, [
				{ key: 'wipe', type: 'item-delete', options: { collection: 'articles', permissions: '$public', key: [ids[2]] } },
			]);
			t.is(errorCode(await api(url, 'POST', `/flows/trigger/${sneaky.id}`, {}, null)), 'FORBIDDEN', 'the public permissions apply');
			t.truthy(await db.knex('articles').where({ id: ids[2] }).first(), 'nothing deleted');
			const byRole = await createFlow(url, { name: 'As reader', trigger: 'webhook', options: { method: 'POST' } }, [
				{ key: 'read', type: 'item-read', options: { collection: 'articles', permissions: role, query: { fields: ['title'], sort: ['title'] } } },
			]);
			t.deepEqual(
				(await api(url, 'POST', `/flows/trigger/${byRole.id}`, {}, null)).body.data,
				[{ title: 'one' }, { title: 'two' }],
				"a chosen role's row rule applies",
			);

			const guarded = await createFlow(url, { name: 'Private call', trigger: 'webhook', options: { method: 'POST' } }, [
				{ key: 'call', type: 'request', options: { url: `${echo.url}/internal`, method: 'GET' } },
			]);
			const refused = await api(url, 'POST', `/flows/trigger/${guarded.id}`, {}, null);
			t.is(refused.status, 403, JSON.stringify(refused.body));
			t.is(echo.received.length, 0, 'a loopback address is refused unless allowed');

			const thrower = await createFlow(url, { name: 'Thrower', trigger: 'webhook', options: { method: 'GET' } }, [
				{ key: 'fail', type: 'throw-error', options: { code: 'FORBIDDEN', message: 'Not today.' } },
			]);
			const thrown = await api(url, 'GET', `/flows/trigger/${thrower.id}`, undefined, null);
			t.is(thrown.status, 403);
			t.is(thrown.body.errors[0].message, 'Not today.');
		} finally {
			await stop();
			await echo.close();
		}
	},
);

vendorTest('flows: a schedule fires each second; flows triggering themselves stop at the depth limit', async (t, db) => {
	const { url, stop } = await startKernel(db, { FLOWS_MAX_DEPTH: '3' });
	try {
		await collection(url, 'ticks', [{ field: 'at', type: 'string' }]);
		const schedule = await createFlow(url, { name: 'Tick', trigger: 'schedule', options: { cron: '* * * * * *' } }, [
			{ key: 'save', type: 'item-create', options: { collection: 'ticks', permissions: '$full', payload: { at: '{{ $trigger.timestamp }}' } } },
		]);
		t.true(await eventually(async () => (await db.knex('ticks').select('at')).length >= 2, 15_000), 'two ticks arrived');
		await api(url, 'PATCH', `/flows/${schedule.id}`, { status: 'inactive' });
		const ticks = (await db.knex('ticks').select('at')).map((row) => row.at as string);
		t.is(new Set(ticks).size, ticks.length, 'each tick ran once');

		const recursive = await createFlow(url, { name: 'Recursive', trigger: 'operation' }, []);
		const steps = await createFlow(url, { name: 'Recursive body', trigger: 'operation' }, [
			{ key: 'again', type: 'trigger', options: { flow: recursive.id, payload: '{{ $trigger }}' } },
		]);
		// The first flow's only step runs the second, which runs the first: a loop through two flows.
		const op = (
			await api(url, 'POST', '/operations', { flow: recursive.id, key: 'loop', type: 'trigger', options: { flow: steps.id }, position_x: 1, position_y: 1 })
		).body.data.id;
		await api(url, 'PATCH', `/flows/${recursive.id}`, { operation: op });
		const entry = await createFlow(url, { name: 'Entry', trigger: 'webhook', options: { method: 'POST' } }, [
			{ key: 'start', type: 'trigger', options: { flow: recursive.id, payload: 1 } },
		]);
		const answered = await api(url, 'POST', `/flows/trigger/${entry.id}`, {}, null);
		t.is(answered.status, 400, JSON.stringify(answered.body));
		t.regex(answered.body.errors[0].message, /FLOWS_MAX_DEPTH/);
	} finally {
		await stop();
	}
});
