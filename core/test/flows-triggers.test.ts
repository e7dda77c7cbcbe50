import { vendorTest } from './helpers/vendor-test.js';
import { rowCount } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { createFlow, eventually } from './helpers/flows.js';

async function collection(url: string, name: string, fields: unknown[]) {
	const response = await api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields });
	if (response.status !== 200) throw new Error(`creating ${name}: ${JSON.stringify(response.body)}`);
}

vendorTest('flows: a webhook flow chains operations through the data chain, answers $last and logs its run without secrets', async (t, db) => {
	const { url, stop } = await startKernel(db, { FLOWS_ENV_ALLOW_LIST: 'FLOW_API_KEY', FLOW_API_KEY: 'key-that-must-never-be-logged' });
	try {
		await collection(url, 'articles', [
			{ field: 'title', type: 'string' },
			{ field: 'status', type: 'string' },
		]);
		const flow = await createFlow(url, { name: 'Publish', trigger: 'webhook', options: { method: 'POST' } }, [
			{
				key: 'shape',
				type: 'transform',
				options: { json: '{ "title": "{{ $trigger.body.title }}", "status": "from {{ $trigger.method }}", "key": "{{ $env.FLOW_API_KEY }}" }' },
				resolve: 'save',
			},
			{
				key: 'save',
				type: 'item-create',
				options: { collection: 'articles', permissions: '$full', payload: { title: '{{ shape.title }}', status: '{{ shape.status }}' } },
			},
		]);

		// Anyone may call a webhook that asks for no authentication, as with Directus.
		const answered = await api(url, 'POST', `/flows/trigger/${flow.id}`, { title: 'Hello' }, null);
		t.is(answered.status, 200, JSON.stringify(answered.body));
		const rows = await db.knex('articles').select('id', 'title', 'status');
		t.deepEqual(
			rows.map(({ title, status }) => ({ title, status })),
			[{ title: 'Hello', status: 'from POST' }],
		);
		t.deepEqual(answered.body.data.map(String), [String(rows[0].id)], 'the flow answers $last: the created keys');

		t.is(errorCode(await api(url, 'GET', `/flows/trigger/${flow.id}`, undefined, null)), 'METHOD_NOT_ALLOWED');
		t.is(errorCode(await api(url, 'POST', '/flows/trigger/00000000-0000-4000-8000-000000000000', {}, null)), 'FORBIDDEN');
		await api(url, 'PATCH', `/flows/${flow.id}`, { status: 'inactive' });
		t.is(errorCode(await api(url, 'POST', `/flows/trigger/${flow.id}`, { title: 'again' }, null)), 'FORBIDDEN', 'an inactive flow is not triggered, at once');
		t.is(await rowCount(db.knex('articles')), 1);

		const runs = await api(url, 'GET', `/flows/${flow.id}/runs`);
		t.is(runs.status, 200);
		t.is(runs.body.data.length, 1);
		t.like(runs.body.data[0], { status: 'resolve' });
		t.deepEqual(
			runs.body.data[0].steps.map((step: { key: string; status: string }) => [step.key, step.status]),
			[
				['shape', 'resolve'],
				['save', 'resolve'],
			],
		);
		const logged = JSON.stringify(await db.knex('mantle_revisions').where({ collection: 'directus_flows' }).select('data'));
		t.false(logged.includes('key-that-must-never-be-logged'), 'an allow-listed variable is redacted from the log');
		t.true(logged.includes('Hello'));
		t.is(errorCode(await api(url, 'GET', `/flows/${flow.id}/runs`, undefined, null)), 'FORBIDDEN', 'the public reads no runs');
	} finally {
		await stop();
	}
});

vendorTest(
	'flows: a filter flow that rejects cancels the write and stores nothing; one that resolves rewrites the payload; an action flow runs after the commit',
	async (t, db) => {
		const { url, stop } = await startKernel(db);
		try {
			await collection(url, 'articles', [
				{ field: 'title', type: 'string' },
				{ field: 'status', type: 'string' },
			]);
			await collection(url, 'audit', [{ field: 'note', type: 'string' }]);
			await createFlow(url, { name: 'Moderate', trigger: 'event', options: { type: 'filter', scope: ['items.create'], collections: ['articles'] } }, [
				{ key: 'check', type: 'condition', options: { filter: { $trigger: { payload: { title: { _nstarts_with: 'spam' } } } } }, resolve: 'mark' },
				{ key: 'mark', type: 'transform', options: { json: '{ "title": "{{ $trigger.payload.title }}", "status": "checked" }' } },
			]);
			await createFlow(url, { name: 'Audit', trigger: 'event', options: { type: 'action', scope: ['items.create'], collections: ['articles'] } }, [
				{ key: 'say', type: 'log', options: { message: 'article {{ $trigger.key }} created' }, resolve: 'note' },
				{ key: 'note', type: 'item-create', options: { collection: 'audit', permissions: '$full', payload: { note: 'created {{ $trigger.payload.title }}' } } },
			]);

			const refused = await api(url, 'POST', '/items/articles', { title: 'spam offer' });
			t.is(refused.status, 400, JSON.stringify(refused.body));
			t.is(errorCode(refused), 'FAILED_VALIDATION');
			t.is(refused.body.errors[0].message, 'The condition did not hold: $trigger.payload.title _nstarts_with.', 'the refusal names the rule that failed');
			t.is(await rowCount(db.knex('articles')), 0, 'the cancelled create stored nothing');

			const created = await api(url, 'POST', '/items/articles?fields=title,status', { title: 'good news' });
			t.is(created.status, 200, JSON.stringify(created.body));
			t.deepEqual(created.body.data, { title: 'good news', status: 'checked' }, "the filter flow's $last became the payload");
			t.true(
				await eventually(async () => (await db.knex('audit').select('note')).some((row) => row.note === 'created good news')),
				'the action flow ran after the commit',
			);
			t.is((await db.knex('audit').select('note')).length, 1, 'the refused create triggered no action');
		} finally {
			await stop();
		}
	},
);

vendorTest('flows: a run-script operation computes in the sandbox; an endless loop is stopped and the flow takes its reject path', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		const flow = await createFlow(url, { name: 'Script', trigger: 'webhook', options: { method: 'POST' } }, [
			{ key: 'script', type: 'exec', options: { code: 'module.exports = async function (data) { return { doubled: data.$trigger.body.n * 2 }; }' } },
		]);
		t.deepEqual((await api(url, 'POST', `/flows/trigger/${flow.id}`, { n: 21 })).body.data, { doubled: 42 });

		const looping = await createFlow(url, { name: 'Loop', trigger: 'webhook', options: { method: 'POST' } }, [
			{ key: 'spin', type: 'exec', options: { code: 'module.exports = function () { while (true) {} };' }, reject: 'recover' },
			{ key: 'recover', type: 'transform', options: { json: '{ "stopped": true, "why": "{{ spin.message }}" }' } },
		]);
		const recovered = await api(url, 'POST', `/flows/trigger/${looping.id}`, {});
		t.is(recovered.status, 200, JSON.stringify(recovered.body));
		t.true(recovered.body.data.stopped);
		t.regex(recovered.body.data.why, /time|limit|ms/i);
		t.is((await fetch(`${url}/server/ping`)).status, 200, 'the server kept answering');

		const escaping = await createFlow(url, { name: 'Escape', trigger: 'webhook', options: { method: 'POST' } }, [
			{
				key: 'probe',
				type: 'exec',
				options: { code: 'module.exports = function () { return { process: typeof process, require: typeof require, fetch: typeof fetch }; };' },
			},
		]);
		t.deepEqual(
			(await api(url, 'POST', `/flows/trigger/${escaping.id}`, {})).body.data,
			{ process: 'undefined', require: 'undefined', fetch: 'undefined' },
			'a script reaches nothing of the host',
		);
	} finally {
		await stop();
	}
});
