import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import createKnex, { type Knex } from 'knex';

export type TestVendor = 'sqlite' | 'postgres' | 'mysql';

export interface TestDatabase {
	vendor: TestVendor;
	/** The DB_* variables that point Mantle at this database. */
	env: Record<string, string>;
	/** A knex handle of our own, to arrange and inspect rows directly. */
	knex: Knex;
	drop(): Promise<void>;
}

const services: Record<Exclude<TestVendor, 'sqlite'>, { port: number; label: string }> = {
	postgres: { port: 5432, label: 'PostgreSQL at 127.0.0.1:5432' },
	mysql: { port: 3306, label: 'MariaDB/MySQL at 127.0.0.1:3306' },
};

/** TEST_DB picks the databases (default: all three); REQUIRE_SERVICES=1 turns an absent one into a failure. */
export const requestedVendors = (process.env.TEST_DB ?? 'sqlite,postgres,mysql')
	.split(',')
	.map((v) => v.trim())
	.filter(Boolean) as TestVendor[];
const servicesRequired = process.env.REQUIRE_SERVICES === '1';

function reachable(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port, timeout: 3000 });
		socket.once('connect', () => (socket.destroy(), resolve(true)));
		socket.once('error', () => resolve(false));
		socket.once('timeout', () => (socket.destroy(), resolve(false)));
	});
}

/** Why tests needing the service on `port` must be skipped, or undefined when they run (always with REQUIRE_SERVICES=1). */
export async function serviceSkipReason(port: number, label: string): Promise<string | undefined> {
	if (servicesRequired || (await reachable(port))) return undefined;
	console.log(`skipping tests that need ${label}: it is not reachable (set REQUIRE_SERVICES=1 to make this a failure)`);
	return `${label} is not reachable`;
}

export interface VendorTarget {
	vendor: TestVendor;
	/** Why this vendor's tests are skipped; undefined when they run. */
	skip?: string;
}

/** Decides once per test file which vendors run, and says why any is skipped. */
export async function vendorTargets(): Promise<VendorTarget[]> {
	return Promise.all(
		requestedVendors.map(async (vendor) => {
			if (vendor === 'sqlite') return { vendor };
			const service = services[vendor];
			if (!service) throw new Error(`TEST_DB names an unknown database: ${vendor}`);
			if (await reachable(service.port)) return { vendor };
			if (servicesRequired) return { vendor }; // let the test fail on the connection, loudly
			const skip = `${service.label} is not reachable`;
			console.log(`skipping ${vendor} tests: ${skip} (set REQUIRE_SERVICES=1 to make this a failure)`);
			return { vendor, skip };
		}),
	);
}

/** A fresh, empty database of the vendor: a new file, or a new database on the server. */
export async function createTestDatabase(vendor: TestVendor): Promise<TestDatabase> {
	const name = `mantle_t_${randomBytes(5).toString('hex')}`;
	if (vendor === 'sqlite') {
		const dir = mkdtempSync(path.join(os.tmpdir(), 'mantle-test-'));
		const filename = path.join(dir, 'test.db');
		// Foreign keys on, as Mantle's own connections have them, so tests see the same rules.
		const knex = createKnex({
			client: 'better-sqlite3',
			connection: { filename },
			useNullAsDefault: true,
			pool: {
				afterCreate: (connection: { pragma(sql: string): unknown }, done: (error: Error | null, connection: unknown) => void) =>
					done(null, (connection.pragma('foreign_keys = ON'), connection)),
			},
		});
		return {
			vendor,
			env: { DB_CLIENT: 'sqlite3', DB_FILENAME: filename },
			knex,
			async drop() {
				await knex.destroy();
				rmSync(dir, { recursive: true, force: true });
			},
		};
	}
	if (vendor === 'postgres') {
		const admin = createKnex({ client: 'pg', connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' } });
		await admin.raw(`create database ${name}`);
		const knex = createKnex({ client: 'pg', connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: name } });
		return {
			vendor,
			env: { DB_CLIENT: 'pg', DB_HOST: '127.0.0.1', DB_PORT: '5432', DB_USER: 'postgres', DB_DATABASE: name },
			knex,
			async drop() {
				await knex.destroy();
				await admin.raw(`drop database if exists ${name} with (force)`);
				await admin.destroy();
			},
		};
	}
	const admin = createKnex({ client: 'mysql2', connection: { host: '127.0.0.1', port: 3306, user: 'root', password: '' } });
	await admin.raw(`create database ${name} character set utf8mb4 collate utf8mb4_unicode_ci`);
	const knex = createKnex({ client: 'mysql2', connection: { host: '127.0.0.1', port: 3306, user: 'root', password: '', database: name } });
	return {
		vendor,
		env: { DB_CLIENT: 'mysql', DB_HOST: '127.0.0.1', DB_PORT: '3306', DB_USER: 'root', DB_PASSWORD: '', DB_DATABASE: name },
		knex,
		async drop() {
			await knex.destroy();
			await admin.raw(`drop database if exists ${name}`);
			await admin.destroy();
		},
	};
}

/** How many rows a query finds, as a number whatever type the driver counts in. */
export async function rowCount(query: Knex.QueryBuilder): Promise<number> {
	const row = (await query.count({ n: '*' }).first()) as { n: number | string } | undefined;
	return Number(row!.n);
}
