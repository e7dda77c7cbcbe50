import { spawn, type ChildProcess } from 'node:child_process';
import test, { type ExecutionContext } from 'ava';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export type StoreKind = 'local' | 'azure' | 's3';

export interface ObjectStore {
	kind: StoreKind;
	/** The `STORAGE_<NAME>_*` variables that make location `name` use this store. */
	env(name: string): Record<string, string>;
	stop(): Promise<void>;
}

export interface StoreTarget {
	kind: StoreKind;
	store?: ObjectStore;
	/** Why this store's tests are skipped. */
	skip?: string;
	/** Why it failed to start when REQUIRE_SERVICES=1: the tests then fail with it. */
	failure?: Error;
}

/** Azurite's well-known development account, the same on every machine. */
export const azuriteAccount = {
	name: 'devstoreaccount1',
	key: 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
};

const bin = (name: string) => fileURLToPath(new URL(`../../../node_modules/.bin/${name}`, import.meta.url));

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

function accepts(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
	});
}

/** Runs a store in its own process, so its memory never counts against the tests' measurements. */
async function spawnStore(label: string, command: string, args: string[], port: number, folder: string): Promise<() => Promise<void>> {
	const child: ChildProcess = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
	let stderr = '';
	child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	const killOnExit = () => child.kill('SIGKILL');
	process.once('exit', killOnExit);
	const stop = async () => {
		process.off('exit', killOnExit);
		if (child.exitCode === null && child.signalCode === null) {
			child.kill('SIGTERM');
			const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(folder, { recursive: true, force: true });
	};
	const deadline = Date.now() + 30_000;
	while (!(await accepts(port))) {
		if (child.exitCode !== null || child.signalCode !== null || Date.now() > deadline) {
			await stop();
			throw new Error(`${label} did not start on 127.0.0.1:${port}${stderr ? `: ${stderr.trim()}` : ''}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 100));
	}
	return stop;
}

export async function startLocalFolder(): Promise<ObjectStore> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-storage-'));
	return {
		kind: 'local',
		env: (name) => ({ [`STORAGE_${name.toUpperCase()}_DRIVER`]: 'local', [`STORAGE_${name.toUpperCase()}_ROOT`]: path.join(folder, name) }),
		stop: async () => rmSync(folder, { recursive: true, force: true }),
	};
}

export async function startAzurite(): Promise<ObjectStore> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-azurite-'));
	const port = await freePort();
	const args = ['--skipApiVersionCheck', '--disableTelemetry', '--silent', '--location', folder, '--blobPort', String(port), '--blobHost', '127.0.0.1'];
	const stop = await spawnStore('azurite-blob', bin('azurite-blob'), args, port, folder);
	return {
		kind: 'azure',
		env: (name) => {
			const prefix = `STORAGE_${name.toUpperCase()}_`;
			return {
				[`${prefix}DRIVER`]: 'azure',
				[`${prefix}CONTAINER_NAME`]: `mantle-${name.toLowerCase().replace(/_/g, '-')}`,
				[`${prefix}ACCOUNT_NAME`]: azuriteAccount.name,
				[`${prefix}ACCOUNT_KEY`]: azuriteAccount.key,
				[`${prefix}ENDPOINT`]: `http://127.0.0.1:${port}/${azuriteAccount.name}`,
			};
		},
		stop,
	};
}

export async function startS3rver(): Promise<ObjectStore> {
	const folder = mkdtempSync(path.join(os.tmpdir(), 'mantle-s3rver-'));
	const port = await freePort();
	const args = ['--directory', folder, '--address', '127.0.0.1', '--port', String(port), '--silent', '--configure-bucket', 'mantle'];
	const stop = await spawnStore('s3rver', bin('s3rver'), args, port, folder);
	return {
		kind: 's3',
		env: (name) => {
			const prefix = `STORAGE_${name.toUpperCase()}_`;
			return {
				[`${prefix}DRIVER`]: 's3',
				[`${prefix}KEY`]: 'S3RVER',
				[`${prefix}SECRET`]: 'S3RVER',
				[`${prefix}BUCKET`]: 'mantle',
				[`${prefix}REGION`]: 'us-east-1',
				[`${prefix}ENDPOINT`]: `http://127.0.0.1:${port}`,
				[`${prefix}FORCE_PATH_STYLE`]: 'true',
				// Locations share the one bucket, each under its own prefix.
				[`${prefix}ROOT`]: name,
			};
		},
		stop,
	};
}

const starters: Record<StoreKind, () => Promise<ObjectStore>> = { local: startLocalFolder, azure: startAzurite, s3: startS3rver };

/**
 * Starts each store; one that cannot start is skipped with the reason printed, or, with
 * REQUIRE_SERVICES=1, kept as a failure for its tests to report.
 */
export async function objectStoreTargets(kinds: StoreKind[]): Promise<StoreTarget[]> {
	return Promise.all(
		kinds.map(async (kind): Promise<StoreTarget> => {
			try {
				return { kind, store: await starters[kind]() };
			} catch (error) {
				const failure = error instanceof Error ? error : new Error(String(error));
				if (process.env.REQUIRE_SERVICES === '1') return { kind, failure };
				console.log(`skipping ${kind} storage tests: ${failure.message} (set REQUIRE_SERVICES=1 to make this a failure)`);
				return { kind, skip: failure.message };
			}
		}),
	);
}

/**
 * Registers a test per store, titled `[kind] title`. A store that failed to start fails its test
 * (REQUIRE_SERVICES=1) or, when it was skipped, skips it.
 */
export function registerPerStore(
	targets: StoreTarget[],
	title: string,
	body: (t: ExecutionContext, store: ObjectStore, kind: StoreKind) => Promise<void>,
	serial = false,
): void {
	for (const target of targets) {
		const name = `[${target.kind}] ${title}`;
		if (target.skip) {
			test.skip(name, () => {});
			continue;
		}
		(serial ? test.serial : test)(name, async (t) => {
			if (!target.store) throw target.failure;
			await body(t, target.store, target.kind);
		});
	}
}
