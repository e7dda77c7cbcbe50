import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import type { HealthCheck } from '@mantle/extensions-sdk';
import type { StorageLocationConfig } from '../config/index.js';
import { dialectOfVendor, type Vendor } from '../database/dialects/index.js';
import { createStorage, type StorageDriver } from '../storage/index.js';

/** How slow is slow (`warn`) and how slow is down (`error`), in milliseconds. */
export interface CheckLimits {
	thresholdMs: number;
	timeoutMs: number;
}

/** A check slower than the threshold answers `warn`: the service works, but slowly enough to notice. */
async function timed(
	componentType: HealthCheck['componentType'],
	{ thresholdMs, timeoutMs }: CheckLimits,
	probe: () => Promise<unknown>,
): Promise<HealthCheck> {
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
	return timed('datastore', limits, () => knex.raw(dialectOfVendor(vendor).sql.ping)).then((check) => [`${vendor}:responseTime`, check]);
}

export function checkCache(redis: Redis, limits: CheckLimits): Promise<[string, HealthCheck]> {
	return timed('cache', limits, () => redis.ping()).then((check) => [`cache:responseTime`, check]);
}

/**
 * Writes, sizes, reads back and removes a probe object through the driver interface: a store
 * that cannot do all of it is not healthy. `driver` is the kernel's own for the location; without
 * one, a driver is built from the configuration for this probe alone.
 */
export function checkStorage(location: StorageLocationConfig, limits: CheckLimits, driver?: StorageDriver): Promise<[string, HealthCheck]> {
	return timed('objectstore', limits, async () => {
		const store = driver ?? createStorage([location]).location(location.name);
		const key = `.mantle-health-${randomUUID()}`;
		await store.put(key, Readable.from([Buffer.from('ok')]), { contentType: 'text/plain' });
		try {
			if ((await store.head(key))?.size !== 2) throw new Error('the probe object has the wrong size');
			if ((await text(await store.get(key))) !== 'ok') throw new Error('read back different content');
		} finally {
			await store.delete(key);
		}
	}).then((check) => [`storage:${location.name}:responseTime`, check]);
}
