import os from 'node:os';
import type { Knex } from 'knex';
import type { Redis } from 'ioredis';
import type { Accountability, HealthCheck, HealthReport, HealthStatus, ServerCapability, ServerInfo } from '@mantle/extensions-sdk';
import type { Config } from '../config/index.js';
import type { Dialect } from '../database/dialects/index.js';
import type { Storage } from '../storage/index.js';
import { checkCache, checkDatabase, checkStorage } from '../health/checks.js';

export interface ServerCapabilityDeps {
	config: Config;
	knex: Knex;
	dialect: Dialect;
	redis?: Redis;
	/** The kernel's own drivers, so the probe uses the clients requests use. */
	storage?: Storage;
	version: string;
	serviceId: string;
	/** Milliseconds on a monotonic clock; `performance.now` unless a test sets the time. */
	now?: () => number;
}

/** Settings a visitor may see before logging in (the login page shows them). */
const publicProjectFields = [
	'project_name',
	'project_descriptor',
	'project_logo',
	'project_color',
	'default_language',
	'public_foreground',
	'public_background',
	'public_note',
	'custom_css',
	'public_registration',
	'public_registration_verify_email',
] as const;

const severity: Record<HealthStatus, number> = { ok: 0, warn: 1, error: 2 };

/**
 * How long one round of checks answers every health request. A round writes, reads and deletes a
 * probe object in every storage location and queries the database: run per request, a monitor
 * polling hard (or anyone hammering the public verdict) would load the very services it watches.
 * A second is well under any probe interval.
 */
const checksReuseMs = 1000;

/**
 * Past its second, a round still answers while the next one runs, up to this age: a steady
 * stream of health requests then never waits on a round (the request that started one used to
 * wait the whole round, the slowest answer of all). Older than this, a request waits for fresh
 * checks, so what an operator sees is never more than three seconds old.
 */
const checksServeStaleMs = 3000;

type Round = { results: Promise<Array<[string, HealthCheck]>>; settledAt?: number };

export function createServerCapability(deps: ServerCapabilityDeps): ServerCapability {
	const clock = deps.now ?? (() => performance.now());
	let round: Round | undefined;
	let settled: Round | undefined;
	const runChecks = () => {
		const limits = { thresholdMs: deps.config.healthcheckThresholdMs, timeoutMs: deps.config.healthcheckTimeoutMs };
		return Promise.all([
			checkDatabase(deps.knex, deps.dialect.vendor, limits),
			...(deps.redis ? [checkCache(deps.redis, limits)] : []),
			...deps.config.storage.locations.map((location) => checkStorage(location, limits, deps.storage?.location(location.name))),
		]);
	};
	const startRound = () => {
		const next: Round = { results: runChecks() };
		const settle = () => {
			next.settledAt = clock();
			settled = next;
		};
		next.results.then(settle, settle);
		round = next;
	};
	// Requests arriving while a round runs wait for it rather than starting their own, unless a
	// settled round young enough can answer them meanwhile.
	const currentChecks = () => {
		const now = clock();
		const running = round !== undefined && round.settledAt === undefined;
		if (round?.settledAt !== undefined && now - round.settledAt < checksReuseMs) return round.results;
		if (!running) startRound();
		if (settled?.settledAt !== undefined && now - settled.settledAt < checksServeStaleMs) return settled.results;
		return round!.results;
	};

	return {
		async info(accountability: Accountability): Promise<ServerInfo> {
			const settings = (await deps.knex('mantle_settings').first(...publicProjectFields)) ?? {};
			const project: Record<string, unknown> = { project_name: 'Mantle', default_language: 'en-US', ...settings };
			if (!accountability.admin) return { project };
			return {
				project,
				version: deps.version,
				node: { version: process.versions.node, uptime: Math.round(process.uptime()) },
				os: { type: os.type(), version: os.release(), uptime: Math.round(os.uptime()), totalmem: os.totalmem() },
				database: { vendor: deps.dialect.vendor, version: await deps.dialect.serverVersion(deps.knex) },
				// As Directus reports them: -1 for no cap.
				queryLimit: { default: deps.config.query.defaultLimit, max: deps.config.query.maxLimit },
			};
		},

		async health(accountability: Accountability): Promise<HealthReport> {
			const results = await currentChecks();
			const checks: Record<string, HealthCheck[]> = {};
			for (const [name, check] of results) checks[name] = [check];
			const status = results.reduce<HealthStatus>((worst, [, check]) => (severity[check.status] > severity[worst] ? check.status : worst), 'ok');
			// Which services exist and how they fare is for admins; everyone else learns only the verdict.
			if (!accountability.admin) return { status };
			return { status, releaseId: deps.version, serviceId: deps.serviceId, checks };
		},
	};
}
