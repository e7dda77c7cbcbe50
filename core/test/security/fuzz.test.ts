import test from 'ava';
import fc from 'fast-check';
import qs from 'qs';
import { createTestDatabase, vendorTargets, type TestVendor } from '../helpers/databases.js';
import { adminToken, startKernel } from '../helpers/kernel.js';
import { createCatalog, seedCatalog } from '../helpers/catalog.js';
import { addRestrictedUser, catalogueChecksum, restrictedToken } from './robustness-fixture.js';
import { readCase, writeCase, type ReadCase, type WriteCase } from './fuzz-grammar.js';

/**
 * Fuzzes a live server with queries drawn from the query language's grammar, write payloads and
 * garbage, as an admin, a restricted user and an anonymous caller. Every answer must come within
 * the request timeout, never be a 500, and keep the error shape; a refused write must leave every
 * row as it was; `/server/ping` must keep answering throughout.
 *
 * FUZZ_RUNS sets the number of cases (default 60, which keeps the normal test run short);
 * FUZZ_SECONDS instead runs for that long. FUZZ_DB picks the databases (default sqlite; the
 * usual TEST_DB vendors otherwise). FUZZ_SEED replays a run.
 */

const runs = Number(process.env.FUZZ_RUNS ?? 60);
const seconds = process.env.FUZZ_SECONDS ? Number(process.env.FUZZ_SECONDS) : undefined;
const requestTimeoutMs = Number(process.env.FUZZ_REQUEST_TIMEOUT ?? 20_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;
const vendors = (process.env.FUZZ_DB ?? 'sqlite')
	.split(',')
	.map((vendor) => vendor.trim())
	.filter(Boolean) as TestVendor[];
const tokens = [adminToken, restrictedToken, null];
/** FUZZ_REPORT=1 also logs the most frequent refusals, to see which parts of the grammar reach the engine. */
const reportRefusals = process.env.FUZZ_REPORT === '1';

interface Answer {
	status: number;
	body: string;
}

/** One request; a hang past the timeout is a failure of the server, so it rejects with what was asked. */
async function send(url: string, method: string, path: string, body: unknown, token: string | null, what: string): Promise<Answer> {
	const headers: Record<string, string> = {};
	if (token) headers.authorization = `Bearer ${token}`;
	if (body !== undefined) headers['content-type'] = 'application/json';
	try {
		const response = await fetch(`${url}${path}`, {
			method,
			headers,
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(requestTimeoutMs),
		});
		return { status: response.status, body: await response.text() };
	} catch (error) {
		throw new Error(`${what}: no answer within ${requestTimeoutMs} ms (${String((error as Error).cause ?? error)})`);
	}
}

/** The request a read case stands for, or undefined when the client itself can't encode it (a lone surrogate in a URL). */
function readRequest(sample: ReadCase): { method: string; path: string; body?: unknown } | undefined {
	try {
		if (sample.kind === 'raw') return { method: 'GET', path: `/items/${sample.collection}?${encodeURI(sample.queryString)}` };
		if (sample.encoding === 'search') return { method: 'SEARCH', path: `/items/${sample.collection}`, body: { query: sample.query } };
		const parameters =
			sample.encoding === 'json'
				? Object.fromEntries(Object.entries(sample.query).map(([key, value]) => [key, typeof value === 'object' ? JSON.stringify(value) : value]))
				: sample.query;
		return { method: 'GET', path: `/items/${sample.collection}?${qs.stringify(parameters, { encodeValuesOnly: false })}` };
	} catch {
		return undefined;
	}
}

function checkAnswer(answer: Answer, what: string): void {
	if (answer.status >= 500) throw new Error(`${what}: answered ${answer.status} ${answer.body.slice(0, 300)}`);
	if (answer.status >= 400) {
		let code: unknown;
		try {
			code = (JSON.parse(answer.body) as { errors?: Array<{ extensions?: { code?: unknown } }> }).errors?.[0]?.extensions?.code;
		} catch {
			code = undefined;
		}
		if (typeof code !== 'string') throw new Error(`${what}: ${answer.status} without the error shape: ${answer.body.slice(0, 300)}`);
	}
}

const targets = await vendorTargets();

for (const vendor of vendors) {
	const target = targets.find((candidate) => candidate.vendor === vendor) ?? { vendor, skip: `${vendor} is not in TEST_DB` };
	const title = `[${vendor}] fuzzed queries and writes never answer 500 or hang, refused writes change nothing, and ping keeps answering`;
	if (target.skip) {
		test.skip(title, () => {});
		continue;
	}
	test(title, async (t) => {
		t.timeout(((seconds ?? 0) + 600) * 1000);
		const db = await createTestDatabase(vendor);
		const running = await startKernel(db, { RATE_LIMITER_AUTH_ENABLED: 'false' });
		try {
			await createCatalog(running.url);
			await seedCatalog(running.url);
			await addRestrictedUser(db.knex);
			let checksum = await catalogueChecksum(db.knex);
			const counts = { cases: 0, reads: 0, writes: 0, refusedWrites: 0, statuses: new Map<number, number>() };
			const refusals = new Map<string, number>();
			const tally = (answer: Answer) => {
				counts.statuses.set(answer.status, (counts.statuses.get(answer.status) ?? 0) + 1);
				if (reportRefusals && answer.status >= 400) {
					let message = answer.body;
					try {
						message = String((JSON.parse(answer.body) as { errors: Array<{ message: string }> }).errors[0]!.message);
					} catch {
						// Not the error shape: checkAnswer says so.
					}
					message = `${answer.status} ${message.replace(/"[^"]*"/g, '"…"').slice(0, 100)}`;
					refusals.set(message, (refusals.get(message) ?? 0) + 1);
				}
			};

			const property = fc.asyncProperty(
				fc.oneof({ weight: 3, arbitrary: readCase }, { weight: 1, arbitrary: writeCase }),
				async (sample: ReadCase | WriteCase) => {
					counts.cases += 1;
					const token = tokens[sample.token] ?? null;
					const what = `${JSON.stringify(sample).slice(0, 600)}`;
					if (sample.kind === 'write') {
						counts.writes += 1;
						const answer = await send(running.url, sample.method, sample.path, sample.body, token, what);
						tally(answer);
						checkAnswer(answer, what);
						const after = await catalogueChecksum(db.knex);
						if (answer.status >= 400) {
							counts.refusedWrites += 1;
							if (after !== checksum) throw new Error(`${what}: refused with ${answer.status}, yet rows changed`);
						}
						checksum = after;
					} else {
						const request = readRequest(sample);
						if (!request) return;
						counts.reads += 1;
						const answer = await send(running.url, request.method, request.path, request.body, token, what);
						tally(answer);
						checkAnswer(answer, what);
					}
					if (counts.cases % 10 === 0) {
						const ping = await send(running.url, 'GET', '/server/ping', undefined, null, `ping after case ${counts.cases}`);
						if (ping.status !== 200) throw new Error(`/server/ping answered ${ping.status} after case ${counts.cases}`);
					}
				},
			);
			const parameters: fc.Parameters<[ReadCase | WriteCase]> = seconds
				? { numRuns: Number.MAX_SAFE_INTEGER, interruptAfterTimeLimit: seconds * 1000, markInterruptAsFailure: false }
				: { numRuns: runs };
			await fc.assert(property, { ...parameters, ...(seed === undefined ? {} : { seed }), endOnFailure: true, includeErrorInReport: true });
			const ping = await send(running.url, 'GET', '/server/ping', undefined, null, 'final ping');
			t.is(ping.status, 200);
			t.true(counts.cases >= Math.min(runs, 1), 'cases were tried');
			if (reportRefusals)
				t.log(
					[...refusals]
						.sort((a, b) => b[1] - a[1])
						.slice(0, 12)
						.map(([message, count]) => `${count} × ${message}`)
						.join('\n'),
				);
			t.log(
				`${vendor}: ${counts.cases} cases (${counts.reads} reads, ${counts.writes} writes of which ${counts.refusedWrites} refused); statuses ${JSON.stringify(Object.fromEntries(counts.statuses))}`,
			);
		} finally {
			await running.stop();
			await db.drop();
		}
	});
}
