import { randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import type { HealthCheck } from '@mantle/extensions-sdk';
import type { StorageLocationConfig } from '../config/index.js';
import type { Vendor } from '../database/dialects/index.js';

/** How slow is slow (`warn`) and how slow is down (`error`), in milliseconds. */
export interface CheckLimits {
	thresholdMs: number;
	timeoutMs: number;
}

/** A check slower than the threshold answers `warn`: the service works, but slowly enough to notice. */
async function timed(componentType: HealthCheck['componentType'], { thresholdMs, timeoutMs }: CheckLimits, probe: () => Promise<unknown>): Promise<HealthCheck> {
	const started = performance.now();
	try {
		await withTimeout(probe(), timeoutMs);
		const observedValue = Math.round((performance.now() - started) * 100) / 100;
		return { status: observedValue > thresholdMs ? 'warn' : 'ok', componentType, observedUnit: 'ms', observedValue, threshold: thresholdMs };
	} catch (error) {
		return { status: 'error', componentType, output: error instanceof Error ? error.message : String(error) };
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	const timeout = new Promise<never>((_, reject) => {
		timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
	});
	return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function checkDatabase(knex: Knex, vendor: Vendor, limits: CheckLimits): Promise<[string, HealthCheck]> {
	return timed('datastore', limits, () => knex.raw(vendor === 'oracle' ? 'select 1 from dual' : 'select 1')).then((check) => [`${vendor}:responseTime`, check]);
}

export function checkCache(redis: Redis, limits: CheckLimits): Promise<[string, HealthCheck]> {
	return timed('cache', limits, () => redis.ping()).then((check) => [`cache:responseTime`, check]);
}

/** Writes, reads back and removes a probe object: a store that cannot do all three is not healthy. */
export function checkStorage(location: StorageLocationConfig, limits: CheckLimits): Promise<[string, HealthCheck]> {
	return timed('objectstore', limits, async () => {
		if (location.driver !== 'local') throw new Error(`no health probe for the ${location.driver} driver`);
		const root = location.options.root!;
		const probe = path.join(root, `.health-${randomUUID()}`);
		await mkdir(root, { recursive: true });
		await writeFile(probe, 'ok');
		try {
			if ((await readFile(probe, 'utf8')) !== 'ok') throw new Error('read back different content');
		} finally {
			await rm(probe, { force: true });
		}
	}).then((check) => [`storage:${location.name}:responseTime`, check]);
}
