import type { ChildProcess } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { createTestDatabase, serviceSkipReason, vendorTargets, type TestDatabase, type TestVendor } from './helpers/databases.js';
import { exited, freePort, startCli } from './helpers/cli.js';
import { adminToken } from './helpers/kernel.js';
import { eventually } from './helpers/wait.js';

// Three real `mantle start` processes on one database and one Redis, so `kill -9` is a real
// crash and SIGTERM a real shutdown. Lane-independent of realtime, which has its own suite.

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');
const redisSkip = await serviceSkipReason(6379, 'Redis at 127.0.0.1:6379');
const targets = (await vendorTargets()).filter((target) => target.vendor !== 'sqlite');

/** The shared rate-limit budget: this many requests per client address per minute, over all three nodes. */
const budget = 30;

interface Node {
	name: string;
	port: number;
	child: ChildProcess;
	output: () => string;
	cwd: string;
}

interface Cluster {
	db: TestDatabase;
	nodes: Node[];
}

interface Reply {
	status: number;
	body: any;
}

/**
 * One HTTP call from a given loopback address. The rate limiter counts per client address, so
 * ordinary traffic comes from a random one of 127.0.0.0/8 and never spends the budget the
 * rate-limit test measures from an address of its own.
 */
function call(node: Node, method: string, route: string, options: { body?: unknown; token?: string | null; from?: string } = {}): Promise<Reply> {
	const { body, token = adminToken, from = `127.${randomInt(1, 255)}.${randomInt(0, 255)}.${randomInt(1, 255)}` } = options;
	const payload = body === undefined ? undefined : JSON.stringify(body);
	const headers: Record<string, string> = {};
	if (token) headers.authorization = `Bearer ${token}`;
	if (payload) headers['content-type'] = 'application/json';
	return new Promise((resolve, reject) => {
		const request = http.request({ host: '127.0.0.1', port: node.port, method, path: route, headers, localAddress: from, agent: false }, (response) => {
			let text = '';
			response.setEncoding('utf8');
			response.on('data', (chunk: string) => (text += chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, body: response.headers['content-type']?.includes('json') ? JSON.parse(text) : text }),
			);
			response.on('error', reject);
		});
		request.on('error', reject);
		request.end(payload);
	});
}

const code = (reply: Reply) => reply.body?.errors?.[0]?.extensions?.code;

/** Milliseconds from now until `check` holds on every node, or Infinity after 5 s. */
async function timeUntilAll(nodes: Node[], check: (node: Node) => Promise<boolean>): Promise<number> {
	const started = performance.now();
	const results = await Promise.all(nodes.map((node) => eventually(() => check(node), 5000).then((held) => (held ? performance.now() - started : Infinity))));
	return Math.max(...results);
}

async function startCluster(vendor: TestVendor): Promise<Cluster> {
	const db = await createTestDatabase(vendor);
	const shared = {
		...db.env,
		HOST: '127.0.0.1',
		LOG_LEVEL: 'info',
		SECRET: 'a-scale-out-secret-long-enough',
		ADMIN_EMAIL: 'admin@example.com',
		ADMIN_PASSWORD: 'correct horse battery',
		ADMIN_TOKEN: adminToken,
		REDIS: 'redis://127.0.0.1:6379',
		CACHE_ENABLED: 'true',
		CACHE_STORE: 'redis',
		CACHE_NAMESPACE: `scale-${randomUUID()}`,
		RATE_LIMITER_ENABLED: 'true',
		RATE_LIMITER_STORE: 'redis',
		RATE_LIMITER_POINTS: String(budget),
		RATE_LIMITER_DURATION: '60',
		RATE_LIMITER_KEY_PREFIX: `scale-${randomUUID()}`,
		SHUTDOWN_TIMEOUT: '10000',
	};
	const start = async (name: string): Promise<Node> => {
		const cwd = mkdtempSync(path.join(os.tmpdir(), `mantle-${name}-`));
		cpSync(path.join(fixtures, 'echo'), path.join(cwd, 'data/extensions/echo'), { recursive: true });
		const port = await freePort();
		const { child, output } = await startCli({ cwd, env: { ...shared, PORT: String(port) } });
		return { name, port, child, output, cwd };
	};
	// The first node bootstraps the system tables; the other two then start side by side.
	const first = await start('a');
	const rest = await Promise.all([start('b'), start('c')]);
	return { db, nodes: [first, ...rest] };
}

async function stopCluster(cluster: Cluster): Promise<void> {
	for (const node of cluster.nodes) {
		// A node killed or stopped by a test has exited already: `exit` will not fire again.
		if (node.child.exitCode === null && node.child.signalCode === null) {
			node.child.kill('SIGKILL');
			await exited(node.child);
		}
		rmSync(node.cwd, { recursive: true, force: true });
	}
	await cluster.db.drop();
}

for (const { vendor, skip } of targets) {
	const reason = skip ?? redisSkip;
	const serial = reason ? test.serial.skip : test.serial;
	let cluster: Cluster | undefined;
	const up = async () => (cluster ??= await startCluster(vendor));
	test.after.always(async () => {
		if (cluster) await stopCluster(cluster);
	});

	serial(`[${vendor}] a schema change made on one node is served by all three within one second`, async (t) => {
		const { nodes } = await up();
		const [a, b, c] = nodes as [Node, Node, Node];
		// B and C read the schema first, so each holds an overview without the new collection.
		for (const node of [b, c]) t.is(code(await call(node, 'GET', '/items/ledger')), 'FORBIDDEN');
		const created = await call(a, 'POST', '/collections', { body: { collection: 'ledger', schema: {}, meta: {}, fields: [{ field: 'n', type: 'integer' }] } });
		t.is(created.status, 200);
		const ms = await timeUntilAll([b, c], async (node) => (await call(node, 'GET', '/items/ledger')).status === 200);
		t.log(`schema change seen by B and C after ${ms.toFixed(0)} ms`);
		t.true(ms < 1000, `took ${ms} ms`);
		// The data cache is shared too: a row written on A is read at once on B and C.
		await call(b, 'GET', '/items/ledger?fields=n');
		t.is((await call(a, 'POST', '/items/ledger', { body: { n: -1 } })).status, 200);
		for (const node of [b, c]) t.deepEqual((await call(node, 'GET', '/items/ledger?fields=n')).body.data, [{ n: -1 }]);
	});

	serial(`[${vendor}] a permission granted or revoked on one node is served by all three within one second`, async (t) => {
		const { nodes, db } = await up();
		const [a, b, c] = nodes as [Node, Node, Node];
		const role = (await call(a, 'POST', '/roles', { body: { name: 'Reader' } })).body.data.id;
		const policy = (await call(a, 'POST', '/policies', { body: { name: 'Readers' } })).body.data.id;
		await call(a, 'POST', '/access', { body: { role, policy } });
		const token = 'scale-out-three-reader-token-0123';
		await db.knex('mantle_users').insert({ id: randomUUID(), email: 'reader@example.com', status: 'active', role, token });
		for (const node of nodes) t.is(code(await call(node, 'GET', '/items/ledger', { token })), 'FORBIDDEN');

		const granted = await call(a, 'POST', '/permissions', { body: { policy, collection: 'ledger', action: 'read', fields: '*' } });
		t.is(granted.status, 200);
		const grantMs = await timeUntilAll([b, c], async (node) => (await call(node, 'GET', '/items/ledger', { token })).status === 200);
		t.true(grantMs < 1000, `grant took ${grantMs} ms`);

		t.is((await call(a, 'DELETE', `/permissions/${granted.body.data.id}`)).status, 204);
		const revokeMs = await timeUntilAll([b, c], async (node) => code(await call(node, 'GET', '/items/ledger', { token })) === 'FORBIDDEN');
		t.log(`grant seen after ${grantMs.toFixed(0)} ms, revocation after ${revokeMs.toFixed(0)} ms`);
		t.true(revokeMs < 1000, `revocation took ${revokeMs} ms`);
	});

	serial(`[${vendor}] an extension disabled or enabled on one node is served so by all three within one second`, async (t) => {
		const { nodes } = await up();
		const [a, b, c] = nodes as [Node, Node, Node];
		for (const node of nodes) t.is((await call(node, 'GET', '/echo?x=1')).status, 200);
		t.is((await call(a, 'PATCH', '/extensions/echo', { body: { meta: { enabled: false } } })).status, 200);
		const offMs = await timeUntilAll([b, c], async (node) => code(await call(node, 'GET', '/echo?x=1')) === 'ROUTE_NOT_FOUND');
		t.true(offMs < 1000, `disabling took ${offMs} ms`);
		t.is((await call(a, 'PATCH', '/extensions/echo', { body: { meta: { enabled: true } } })).status, 200);
		const onMs = await timeUntilAll([b, c], async (node) => (await call(node, 'GET', '/echo?x=1')).status === 200);
		t.log(`disabled everywhere after ${offMs.toFixed(0)} ms, enabled again after ${onMs.toFixed(0)} ms`);
		t.true(onMs < 1000, `enabling took ${onMs} ms`);
	});

	serial(`[${vendor}] one client’s rate-limit budget is shared by the three nodes`, async (t) => {
		const { nodes } = await up();
		const from = '127.77.0.1';
		const statuses: number[] = [];
		// The whole budget, spread over the three nodes: each alone would still allow it all.
		for (let i = 0; i < budget; i++) statuses.push((await call(nodes[i % 3]!, 'GET', '/server/ping', { from })).status);
		t.deepEqual(new Set(statuses), new Set([200]));
		for (const node of nodes) {
			const refused = await call(node, 'GET', '/server/ping', { from });
			t.is(refused.status, 429, node.name);
			t.is(code(refused), 'REQUESTS_EXCEEDED');
		}
		t.is((await call(nodes[0]!, 'GET', '/server/ping')).status, 200, 'other clients keep their own budget');
	});

	serial(`[${vendor}] kill -9 of a node under write load loses no acknowledged write, and the other two keep answering`, async (t) => {
		const { nodes, db } = await up();
		const [a, b, c] = nodes as [Node, Node, Node];
		const acknowledged: number[] = [];
		const afterKill = { a: 0, b: 0 };
		let next = 1000;
		let killed = false;
		let running = true;
		const writer = async (offset: number) => {
			for (let i = offset; running; i++) {
				const node = nodes[i % 3]!;
				const n = next++;
				try {
					const reply = await call(node, 'POST', '/items/ledger', { body: { n } });
					if (reply.status === 200) {
						acknowledged.push(n);
						if (killed && node !== c) afterKill[node.name as 'a' | 'b']++;
					}
				} catch {
					// The killed node's connections fail; what was not acknowledged may or may not be stored.
				}
			}
		};
		const writers = [0, 1, 2, 3, 4, 5].map(writer);
		t.true(await eventually(() => acknowledged.length >= 30, 20_000), 'writes flow before the kill');
		c.child.kill('SIGKILL');
		killed = true;
		t.is(await exited(c.child), null, 'C died of the signal');
		t.true(await eventually(() => afterKill.a >= 10 && afterKill.b >= 10, 20_000), 'A and B keep acknowledging writes');
		running = false;
		await Promise.all(writers);

		const stored = new Set((await db.knex('ledger').select('n')).map((row: { n: number }) => Number(row.n)));
		const lost = acknowledged.filter((n) => !stored.has(n));
		t.log(`${acknowledged.length} writes acknowledged, ${stored.size - 1} rows stored, ${afterKill.a + afterKill.b} acknowledged by A and B after the kill`);
		t.deepEqual(lost, [], 'every acknowledged write is in the database');
		for (const node of [a, b]) {
			t.is((await call(node, 'GET', '/server/ping')).status, 200);
			t.is((await call(node, 'GET', '/items/ledger?aggregate[count]=*')).status, 200);
		}
	});

	serial(`[${vendor}] SIGTERM lets a request in flight finish, then the node closes while the others answer`, async (t) => {
		const { nodes } = await up();
		const [a, b] = nodes as [Node, Node];
		const slow = call(b, 'GET', '/echo/slow?ms=1500');
		t.true(await eventually(() => b.output().includes('echo is sleeping'), 10_000), 'the slow request reached its handler');
		b.child.kill('SIGTERM');
		const reply = await slow;
		t.is(reply.status, 200);
		t.deepEqual(reply.body, { slept: 1500 });
		t.is(await exited(b.child), 0, 'B exited cleanly');
		await t.throwsAsync(call(b, 'GET', '/server/ping'), undefined, 'B no longer accepts connections');
		t.is((await call(a, 'GET', '/server/ping')).status, 200, 'A still answers');
	});
}
