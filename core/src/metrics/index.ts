import { createHash, timingSafeEqual } from 'node:crypto';
import type { Request, Server } from '@hapi/hapi';
import type { Knex } from 'knex';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { MetricsCapability } from '@mantle/extensions-sdk';
import type { MetricsConfig } from '../config/metrics.js';
import type { DispatchedRequestState } from '../server/request-state.js';

export interface KernelMetrics {
	capability: MetricsCapability;
	/** Where other kernel parts (the data cache) register their own series. */
	registry: Registry;
	/**
	 * Counts and times every response of `server` by method, route pattern and status. The pattern
	 * the dispatcher matched, not the path, labels a request (`/items/:collection/:pk`), so ids in
	 * URLs cannot grow the series without bound; a path no route matches counts under `unmatched`.
	 */
	observe(server: Server): void;
}

interface TarnPool {
	numUsed(): number;
	numFree(): number;
	numPendingAcquires(): number;
}

/** One registry per kernel: several kernels in one process (tests) keep their numbers apart. */
export function createMetrics(config: MetricsConfig, knex: Knex): KernelMetrics {
	const registry = new Registry();
	if (config.enabled) collectDefaultMetrics({ register: registry, prefix: 'mantle_' });
	const labelNames = ['method', 'route', 'status'] as const;
	const requests = new Counter({
		name: 'mantle_http_requests_total',
		help: 'HTTP requests answered, by method, route and status.',
		labelNames,
		registers: [registry],
	});
	const durations = new Histogram({
		name: 'mantle_http_request_duration_seconds',
		help: 'Time from receiving a request to answering it, by method, route and status.',
		labelNames,
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
		registers: [registry],
	});
	const pool = (knex.client as { pool?: TarnPool }).pool;
	const poolGauge = (name: string, help: string, read: (pool: TarnPool) => number) =>
		new Gauge({
			name,
			help,
			registers: [registry],
			collect() {
				const current = (knex.client as { pool?: TarnPool }).pool ?? pool;
				this.set(current ? read(current) : 0);
			},
		});
	poolGauge('mantle_db_pool_connections_used', 'Database connections in use.', (p) => p.numUsed());
	poolGauge('mantle_db_pool_connections_free', 'Idle database connections in the pool.', (p) => p.numFree());
	poolGauge('mantle_db_pool_pending_acquires', 'Queries waiting for a database connection.', (p) => p.numPendingAcquires());

	const digests = config.tokens.map(digest);
	return {
		registry,
		capability: {
			enabled: config.enabled,
			tokenAllowed(token) {
				if (!token) return false;
				const presented = digest(token);
				// Every configured token is compared, so the time taken says nothing about which matched.
				return digests.reduce((found, known) => timingSafeEqual(known, presented) || found, false);
			},
			async render() {
				return { contentType: registry.contentType, body: await registry.metrics() };
			},
		},
		observe(server) {
			if (!config.enabled) return;
			// prom-client turns a label set into its series key on every call: the series of each
			// method, route and status are looked up once and kept (their number is bounded by the routes).
			const series = new Map<string, { count: Counter.Internal; time: Histogram.Internal<(typeof labelNames)[number]> }>();
			server.events.on('response', (request: Request) => {
				const response = request.response as { statusCode?: number; output?: { statusCode: number } } | null;
				const status = String(response?.output?.statusCode ?? response?.statusCode ?? 0);
				const method = request.method.toUpperCase();
				const route = (request.app as DispatchedRequestState).routePath ?? 'unmatched';
				const key = `${method} ${status} ${route}`;
				let bound = series.get(key);
				if (!bound) {
					const labels = { method, route, status };
					series.set(key, (bound = { count: requests.labels(labels), time: durations.labels(labels) }));
				}
				bound.count.inc();
				const seconds = ((request.info.completed || request.info.responded || Date.now()) - request.info.received) / 1000;
				bound.time.observe(Math.max(0, seconds));
			});
		},
	};
}

function digest(token: string): Buffer {
	return createHash('sha256').update(token).digest();
}
