import test from 'ava';
import { cpSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { searchOf } from '../src/server/dispatch.js';
import { createTestDatabase } from './helpers/databases.js';
import { startKernel } from './helpers/kernel.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');

/** One GET with the request target exactly as given (fetch would normalise it first). */
function rawGet(url: string, target: string): Promise<{ status: number; body: string }> {
	const { hostname, port } = new URL(url);
	return new Promise((resolve, reject) => {
		const request = http.request({ hostname, port, path: target, method: 'GET' }, (response) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		});
		request.once('error', reject);
		request.end();
	});
}

test('the query part is read from the request target as sent, up to a fragment', (t) => {
	t.is(searchOf('/items/articles'), '');
	t.is(searchOf('/items/articles?'), '?');
	t.is(searchOf('/items/articles?limit=1&fields=id'), '?limit=1&fields=id');
	t.is(searchOf('/items/articles?limit=1#top'), '?limit=1');
	t.is(searchOf('/items/articles#a?b'), '');
});

test('extensions get the query a client sent, whatever characters it spells raw or percent-encoded', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		cpSync(path.join(fixtures, 'echo'), path.join(running.kernel.config.extensions.path, 'echo'), { recursive: true });
		await running.kernel.extensions.loadAll();
		const cases: Array<[string, Record<string, unknown>]> = [
			[`/echo?title=a"b<c>d'e`, { title: `a"b<c>d'e` }],
			['/echo?title=%22quoted%22%20and%20%3Cangled%3E', { title: '"quoted" and <angled>' }],
			['/echo?filter[title][_eq]=%E2%9C%93&limit=2', { filter: { title: { _eq: '✓' } }, limit: '2' }],
			['/echo?fields[]=id&fields[]=title', { fields: ['id', 'title'] }],
			['/echo?a=1#fragment=2', { a: '1' }],
			['/echo?plus=a+b&pct=100%25', { plus: 'a b', pct: '100%' }],
			['/echo', {}],
		];
		for (const [target, expected] of cases) {
			const answer = await rawGet(running.url, target);
			t.is(answer.status, 200, target);
			t.deepEqual(JSON.parse(answer.body).query, expected, target);
		}
		const refused = await rawGet(running.url, '/echo?filter[__proto__][x]=1');
		t.is(refused.status, 400, 'a key naming __proto__ is still refused');
	} finally {
		await running.stop();
		await db.drop();
	}
});
