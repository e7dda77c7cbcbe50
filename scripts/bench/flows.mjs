// The cost of flows on the write path: POST /items/notes with no flow, then with an action flow
// (one log operation) on every create, rounds interleaved so load drifts hit both alike.
// `--db sqlite|postgres|mysql` (default sqlite), `--duration` (s per round, default 8),
// `--rounds` (default 2, best even), `--connections` (default 10).
import { parseArgs } from 'node:util';
import { api, cleanUp, measure, scratchDatabase, startMantle, table, tempFolder } from './lib.mjs';

export async function run(argv) {
	const { values } = parseArgs({
		args: argv,
		options: {
			db: { type: 'string', default: 'sqlite' },
			duration: { type: 'string', default: '8' },
			rounds: { type: 'string', default: '2' },
			connections: { type: 'string', default: '10' },
		},
	});
	const duration = Number(values.duration);
	const connections = Number(values.connections);
	try {
		const folder = tempFolder('mantle-bench-flows-');
		const database = await scratchDatabase(values.db, folder);
		const { url } = await startMantle(database, folder);
		await api(url, 'POST', '/collections', { collection: 'notes', schema: {}, meta: {}, fields: [{ field: 'text', type: 'string' }] });
		const flow = (
			await api(url, 'POST', '/flows', {
				name: 'Log creates',
				status: 'inactive',
				trigger: 'event',
				accountability: null,
				options: { type: 'action', scope: ['items.create'], collections: ['notes'] },
			})
		).body.data.id;
		const operation = (
			await api(url, 'POST', '/operations', {
				flow,
				key: 'log',
				type: 'log',
				position_x: 1,
				position_y: 1,
				options: { message: 'note {{ $trigger.key }} created' },
			})
		).body.data.id;
		await api(url, 'PATCH', `/flows/${flow}`, { operation });

		let n = 0;
		const create = () => ({ path: '/items/notes', body: { text: `note ${n++}` } });
		const rows = [];
		const totals = { off: 0, on: 0 };
		for (let round = 1; round <= Number(values.rounds); round++) {
			// Off-on, then on-off (ABBA): the notes table grows and SQLite's WAL checkpoints as the run
			// goes, and a fixed order would charge that drift to whichever state always comes second.
			for (const state of round % 2 === 1 ? ['off', 'on'] : ['on', 'off']) {
				await api(url, 'PATCH', `/flows/${flow}`, { status: state === 'on' ? 'active' : 'inactive' });
				const result = await measure({ url, method: 'POST', next: create, token: 'bench-admin-static-token-0123456789', connections, duration });
				totals[state] += result.rps;
				rows.push({ name: `create, flow ${state} (round ${round})`, ...result });
			}
		}
		console.log(table(rows));
		const overhead = 1 - totals.on / totals.off;
		console.log(`\naction flow with one log operation: ${(overhead * 100).toFixed(1)}% fewer creates per second (target < 10%)`);
	} finally {
		await cleanUp();
	}
}
