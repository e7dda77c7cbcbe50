import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../src/config/index.js';
import { createLogger } from '../../src/logger.js';
import { createKernel, type Kernel } from '../../src/kernel.js';
import { bootstrap } from '../../src/database/bootstrap.js';
import { connectDatabase } from '../../src/database/connect.js';
import type { TestDatabase } from './databases.js';

export const adminToken = 'test-admin-static-token-0123456789';

export interface RunningKernel {
	kernel: Kernel;
	url: string;
	/** Every log line the kernel wrote, parsed. */
	logs: Array<Record<string, unknown>>;
	stop(): Promise<void>;
}

/** A bootstrapped kernel on a free port, on the given database, with its own data folder. */
export async function startKernel(db: TestDatabase, env: Record<string, string> = {}): Promise<RunningKernel> {
	const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mantle-kernel-'));
	const config = loadConfig({
		cwd: dataDir,
		env: {
			HOST: '127.0.0.1',
			PORT: '0',
			LOG_LEVEL: 'info',
			SECRET: 'a-test-secret-that-is-long-enough',
			ADMIN_EMAIL: 'admin@example.com',
			ADMIN_PASSWORD: 'correct horse battery',
			ADMIN_TOKEN: adminToken,
			EXTENSIONS_PATH: path.join(dataDir, 'extensions'),
			EXTENSIONS_SANDBOX_TIMEOUT: '2000',
			STORAGE_LOCAL_ROOT: path.join(dataDir, 'uploads'),
			// Busy CI machines are slow; tests that want `warn` lower this themselves.
			HEALTHCHECK_THRESHOLD: '10000',
			HEALTHCHECK_TIMEOUT: '30000',
			...db.env,
			...env,
		},
	});
	const logs: Array<Record<string, unknown>> = [];
	const sink = new Writable({
		write(chunk, _encoding, done) {
			for (const line of String(chunk).split('\n')) if (line) logs.push(JSON.parse(line));
			done();
		},
	});
	// As `mantle start` does: system tables first, then the kernel, which reads them while loading.
	const setup = connectDatabase(config.database);
	await bootstrap(setup.knex, { admin: config.admin }).finally(() => setup.close());
	const kernel = await createKernel(config, createLogger(config.logLevel, sink));
	await kernel.start();
	return {
		kernel,
		url: kernel.url,
		logs,
		async stop() {
			await kernel.stop();
			rmSync(dataDir, { recursive: true, force: true });
		},
	};
}
