import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import type { Dialect } from '../database/dialects/types.js';
import { insertRows } from '../items/write/insert.js';
import type { FlowRecord, RunOutcome } from './types.js';

const redacted = '--redacted--';
/** Keys whose values never reach a log, at any depth. */
const secretKey = /(password|secret|token|authorization|cookie|api[-_]?key|tfa)/i;

/**
 * A copy of logged data without secrets: values under secret-sounding keys, and every value
 * of `$env` wherever it appears (the allow-listed variables are often keys to other services).
 */
export function redact(value: unknown, envValues: Set<string>, depth = 0): unknown {
	if (typeof value === 'string') {
		let text = value;
		for (const secret of envValues) if (text.includes(secret)) text = text.split(secret).join(redacted);
		return text;
	}
	if (depth > 32 || value === null || typeof value !== 'object') return value;
	if (Array.isArray(value)) return value.map((entry) => redact(entry, envValues, depth + 1));
	const copy: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value))
		copy[key] = secretKey.test(key) && entry !== null && entry !== undefined ? redacted : redact(entry, envValues, depth + 1);
	return copy;
}

/**
 * Records a run as the flow's `accountability` setting asks: an activity row (action `run`) on
 * the flow, and with `all` a revision holding every step and the final data chain. Written with
 * the system's rights: the log is the flow's, whoever triggered it.
 */
export async function logRun(knex: Knex, dialect: Dialect, flow: FlowRecord, outcome: RunOutcome, accountability: Accountability | null): Promise<void> {
	if (!flow.accountability) return;
	const [activity] = await insertRows(knex, dialect, 'mantle_activity', 'id', [
		{
			action: 'run',
			user: accountability?.user ?? null,
			ip: accountability?.ip ?? null,
			user_agent: accountability?.userAgent ?? null,
			collection: 'directus_flows',
			item: flow.id,
			origin: null,
		},
	]);
	if (flow.accountability !== 'all') return;
	const env = (outcome.data.$env ?? {}) as Record<string, string>;
	// Very short values would blank out ordinary words; they are no secrets worth the name anyway.
	const envValues = new Set(Object.values(env).filter((value) => typeof value === 'string' && value.length >= 4));
	const { $env: _env, ...chain } = outcome.data;
	const data = redact({ status: outcome.status, steps: outcome.steps, data: chain }, envValues);
	await insertRows(knex, dialect, 'mantle_revisions', 'id', [
		{
			activity,
			collection: 'directus_flows',
			item: flow.id,
			data: JSON.stringify(data),
			delta: JSON.stringify({ status: outcome.status }),
		},
	]);
}
