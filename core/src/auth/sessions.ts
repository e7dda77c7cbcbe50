import { createHash, createHmac, randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { createError } from '../errors/index.js';
import type { EventBus } from '../events/bus.js';
import { currentKnex } from '../items/transaction-context.js';

/**
 * Sessions, one row per refresh token, keyed by the token's SHA-256: a copy of the table gives
 * no one a usable token. Refreshing rotates the token and links the old row to the new one
 * (`next_token`); the old row stays until it expires so that a second use of it is recognised
 * as theft, which ends the whole chain.
 */
export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface SessionContext {
	ip: string | null;
	userAgent?: string;
	origin?: string;
}

export interface IssuedSession {
	refreshToken: string;
	/** The row key (hash of the refresh token), which a session-cookie access token names. */
	key: string;
	user: string;
}

function newRefreshToken(): string {
	return randomBytes(48).toString('base64url');
}

function expiryTime(value: unknown): number {
	return value instanceof Date
		? value.getTime()
		: new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number)).getTime();
}

export async function createSession(knex: Knex, user: string, ttlMs: number, context: SessionContext): Promise<IssuedSession> {
	await knex('mantle_sessions').where('expires', '<', new Date()).delete();
	const refreshToken = newRefreshToken();
	const key = hashToken(refreshToken);
	await knex('mantle_sessions').insert({
		token: key,
		user,
		expires: new Date(Date.now() + ttlMs),
		ip: context.ip,
		user_agent: context.userAgent ?? null,
		origin: context.origin ?? null,
	});
	return { refreshToken, key, user };
}

/** How a just-rotated refresh token may be presented again: within `graceMs`, it yields the same new token. */
export interface ReuseGrace {
	graceMs: number;
	/** Keys the derivation of a session's successor token, so every instance derives the same one. */
	secret: string;
}

/**
 * With a grace window, a session's successor token is derived from its key rather than drawn at
 * random: two browser tabs refreshing with the same token at once both get the one new token,
 * and nothing but the hash of either is stored. Without the secret it cannot be derived.
 */
function successorToken(key: string, reuse: ReuseGrace | undefined): string {
	return reuse && reuse.graceMs > 0 ? createHmac('sha256', reuse.secret).update(`refresh:${key}`).digest('base64url') : newRefreshToken();
}

type SessionRow = {
	token: string;
	user: string | null;
	expires: unknown;
	next_token: string | null;
	ip: string | null;
	user_agent: string | null;
	origin: string | null;
};

/**
 * Replaces the session `key` by a new one. A key that was already replaced means the token
 * was used twice: the chain it started is deleted, so the newer token stops working too, unless
 * the replacement happened within the reuse grace window (two tabs refreshing at the same
 * moment), in which case the same new token is handed out again.
 */
export async function rotateSession(knex: Knex, key: string, ttlMs: number, reuse?: ReuseGrace): Promise<IssuedSession> {
	const row: SessionRow | undefined = await knex('mantle_sessions').where({ token: key }).first();
	if (!row || !row.user) throw createError('INVALID_CREDENTIALS');
	if (row.next_token !== null) return reissue(knex, row, ttlMs, reuse);
	if (expiryTime(row.expires) <= Date.now()) {
		await knex('mantle_sessions').where({ token: key }).delete();
		throw createError('INVALID_CREDENTIALS');
	}
	const refreshToken = successorToken(key, reuse);
	const next = hashToken(refreshToken);
	const claimed = await knex
		.transaction(async (trx) => {
			// Only one of two concurrent refreshes with the same token may win; the other is a reuse.
			const updated = await trx('mantle_sessions').where({ token: key }).whereNull('next_token').update({ next_token: next });
			if (updated !== 1) return false;
			await trx('mantle_sessions').insert({
				token: next,
				user: row.user,
				expires: new Date(Date.now() + ttlMs),
				ip: row.ip,
				user_agent: row.user_agent,
				origin: row.origin,
			});
			return true;
		})
		.catch(async (error: unknown) => {
			await revokeChain(knex, key);
			throw error;
		});
	if (!claimed) {
		const rotated: SessionRow | undefined = await knex('mantle_sessions').where({ token: key }).first();
		if (!rotated?.user || rotated.next_token === null) throw createError('INVALID_CREDENTIALS');
		return reissue(knex, rotated, ttlMs, reuse);
	}
	return { refreshToken, key: next, user: row.user };
}

/**
 * A rotated token presented again: the same successor while it is still the live session and was
 * issued less than the grace window ago (its expiry, less the TTL, dates it); otherwise theft.
 */
async function reissue(knex: Knex, row: SessionRow, ttlMs: number, reuse: ReuseGrace | undefined): Promise<IssuedSession> {
	if (reuse && reuse.graceMs > 0 && row.user) {
		const refreshToken = successorToken(row.token, reuse);
		const successor: SessionRow | undefined =
			hashToken(refreshToken) === row.next_token ? await knex('mantle_sessions').where({ token: row.next_token }).first() : undefined;
		const issuedAt = successor ? expiryTime(successor.expires) - ttlMs : Number.NEGATIVE_INFINITY;
		if (successor && successor.next_token === null && Date.now() - issuedAt <= reuse.graceMs) return { refreshToken, key: successor.token, user: row.user };
	}
	await revokeChain(knex, row.token);
	throw createError('INVALID_CREDENTIALS');
}

export async function revokeChain(knex: Knex, key: string): Promise<void> {
	const seen = new Set<string>();
	for (let current: string | null = key; current && !seen.has(current);) {
		seen.add(current);
		const row: { next_token: string | null } | undefined = await knex('mantle_sessions').select('next_token').where({ token: current }).first();
		await knex('mantle_sessions').where({ token: current }).delete();
		current = row?.next_token ?? null;
	}
}

export async function deleteSession(knex: Knex, key: string): Promise<void> {
	await revokeChain(knex, key);
}

/**
 * When the session a session-cookie access token names expires (epoch ms), or undefined when it
 * has ended (logged out, rotated by a refresh, revoked): logging out ends it at once.
 */
export async function liveSessionExpiry(knex: Knex, key: string, user: string): Promise<number | undefined> {
	const row: { expires: unknown; next_token: string | null } | undefined = await knex('mantle_sessions')
		.select('expires', 'next_token')
		.where({ token: key, user })
		.first();
	return row !== undefined && row.next_token === null ? expiryTime(row.expires) : undefined;
}

/**
 * A new password ends the sessions opened with the old one: whoever learnt it (or stole a refresh
 * token) is out once the owner, or an administrator, changes it. Runs as a filter of the update,
 * inside its transaction, so the sessions end exactly when the change commits. Access tokens
 * already issued live out their short lifetime.
 */
export function endSessionsOnPasswordChange(bus: EventBus, knex: Knex): void {
	bus.onFilter('directus_users.items.update', 'kernel', async (payload, meta) => {
		const changes = payload as Record<string, unknown> | null;
		const keys = (meta as { keys?: unknown }).keys;
		if (typeof changes !== 'object' || changes === null || !Object.hasOwn(changes, 'password') || !Array.isArray(keys) || keys.length === 0) return payload;
		await currentKnex(knex)('mantle_sessions').whereIn('user', keys.map(String)).delete();
		return payload;
	});
}
