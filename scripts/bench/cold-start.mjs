// Cold start: from spawning `mantle start` on SQLite to its first `pong`, on a fresh data folder
// (creates the system tables and hashes the admin password), on a restart (tables exist), and on a
// restart the way `npm start` runs it (scripts/start.mjs: the build's freshness check, then the
// CLI in the same process; an up-to-date build is assumed, a stale one is built first).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const cli = [path.join(root, 'core/dist/cli/main.js'), 'start'];
const npmStart = [path.join(root, 'scripts/start.mjs')];

function freePort() {
	return new Promise((resolve) => {
		const server = net.createServer().listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function timeToPong(cwd, command = cli) {
	const port = await freePort();
	const started = performance.now();
	const child = spawn(process.execPath, command, {
		cwd,
		env: { PATH: process.env.PATH, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ADMIN_PASSWORD: 'benchmark-password' },
		stdio: 'ignore',
	});
	try {
		for (;;) {
			try {
				const response = await fetch(`http://127.0.0.1:${port}/server/ping`);
				if ((await response.text()) === 'pong') return performance.now() - started;
			} catch {
				// not listening yet
			}
			if (performance.now() - started > 30_000) throw new Error('no pong within 30 s');
			await new Promise((resolve) => setTimeout(resolve, 5));
		}
	} finally {
		child.kill('SIGTERM');
		await new Promise((resolve) => child.once('exit', resolve));
	}
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function run(args) {
	const rounds = Number(args[0] ?? 7);
	const fresh = [];
	const restart = [];
	const launched = [];
	for (let i = 0; i < rounds; i++) {
		const cwd = mkdtempSync(path.join(os.tmpdir(), 'mantle-bench-'));
		fresh.push(await timeToPong(cwd));
		restart.push(await timeToPong(cwd));
		launched.push(await timeToPong(cwd, npmStart));
		rmSync(cwd, { recursive: true, force: true });
	}
	const fmt = (values) => `median ${median(values).toFixed(0)} ms (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)})`;
	console.log(`cold start to first pong on SQLite, ${rounds} rounds`);
	console.log(`  fresh data folder (migrations + first admin): ${fmt(fresh)}`);
	console.log(`  restart (tables exist):                       ${fmt(restart)}`);
	console.log(`  restart as npm start runs it (freshness check): ${fmt(launched)}`);
	console.log(`  target: a restart as npm start runs it under 1000 ms; load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`);
}
