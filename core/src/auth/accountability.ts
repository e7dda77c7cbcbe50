import type { Knex } from 'knex';
import type { Request } from '@hapi/hapi';
import type { Accountability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import { presentedToken, type PresentedToken } from './token.js';
import { looksLikeJwt, verifyAccessToken, type AccessTokenPayload } from './jwt.js';
import { ipAllowed, parseIpAccess, type IpAllowList } from './ip-access.js';
import { liveSessionExpiry } from './sessions.js';

/**
 * Who is calling: synchronously when every part of the answer is already known (a token seen
 * before, its user resolved), so the common request costs no promise; else a promise of it.
 */
export type Authenticate = (request: Request) => Accountability | Promise<Accountability>;

/** What the kernel knows about one identity, cached until `invalidate()`: who it is, as requests carry it, and where from it may call. */
export interface ResolvedIdentity extends Pick<Accountability, 'user' | 'role' | 'roles' | 'policies' | 'admin' | 'app'> {
	ipAccess: IpAllowList;
}

export interface Authenticator {
	authenticate: Authenticate;
	/** Forgets every cached identity and live session; call after users, roles, policies or access rows change. */
	invalidate(): void;
	/**
	 * Call once a session has ended or rotated (logout, refresh, a new password): the live sessions
	 * this instance remembers are forgotten, and the other instances are told to do the same.
	 */
	sessionsEnded(): void;
	/** Forgets the live sessions this instance remembers, without telling anyone (another instance ended one). */
	forgetSessions(): void;
	/** The identity of an active user, or undefined when there is no such active user. */
	resolveUser(id: string): Promise<ResolvedIdentity | undefined>;
	/** Refuses (INVALID_IP) a caller outside the identity's policies' `ip_access`. */
	checkIp(identity: ResolvedIdentity, ip: string | null): void;
	/** Who acts with the public policies, or with a role's (flows run their item operations as either). */
	accountabilityOf(subject: { public: true } | { role: string }): Promise<Accountability>;
}

export interface AuthenticatorOptions {
	knex: Knex;
	secret: string;
	sessionCookieName: string;
	/** Tells the other instances that sessions ended (the invalidation bus); absent with one instance. */
	announceSessionsEnded?: () => void;
}

interface PolicyRow {
	id: string;
	admin_access: boolean | number;
	app_access: boolean | number;
	ip_access: string | null;
}

/** Bounds each cache so a flood of distinct identities cannot grow memory without end. */
const maxCacheEntries = 10_000;

/**
 * Resolves who is calling. No token: the public policies (access rows with neither role nor
 * user). A token that matches no active user is refused outright rather than downgraded to
 * public, so a client with a stale token learns it at once. Identities are cached per user
 * (which fixes their role) and for public, so a request costs no query once warm.
 */
export function createAuthenticator({ knex, secret, sessionCookieName, announceSessionsEnded }: AuthenticatorOptions): Authenticator {
	let publicIdentity: Promise<ResolvedIdentity> | undefined;
	const users = new Map<string, Promise<ResolvedIdentity | undefined>>();
	// The same identities once loaded, for the synchronous answer; a load that started before a
	// change must not put its stale result here, hence the generation it was started in.
	let resolvedPublic: ResolvedIdentity | undefined;
	const resolvedUsers = new Map<string, ResolvedIdentity>();
	let identitiesGeneration = 0;
	const staticTokens = new Map<string, string>();
	// A JWT's signature and claims never change: each is checked once and trusted until it expires.
	const verifiedJwts = new Map<string, { payload: AccessTokenPayload; expiresAt: number }>();
	// Sessions a session-cookie token named and found live, with their expiry, until any session
	// ends: a browser's every request would otherwise read its session row. A read that started
	// before a session ended must not put it back, hence the generation it was started in.
	const liveSessions = new Map<string, number>();
	let sessionsGeneration = 0;

	const forgetSessions = () => {
		sessionsGeneration++;
		liveSessions.clear();
	};

	const forget = () => {
		identitiesGeneration++;
		publicIdentity = undefined;
		resolvedPublic = undefined;
		users.clear();
		resolvedUsers.clear();
		staticTokens.clear();
		forgetSessions();
	};

	const sessionIsLive = async (key: string, user: string): Promise<boolean> => {
		const entry = `${key}\u0000${user}`;
		const known = liveSessions.get(entry);
		if (known !== undefined && Date.now() < known) return true;
		const generation = sessionsGeneration;
		const expires = await liveSessionExpiry(knex, key, user);
		if (expires === undefined || expires <= Date.now()) {
			liveSessions.delete(entry);
			return false;
		}
		if (generation === sessionsGeneration) {
			if (liveSessions.size >= maxCacheEntries) liveSessions.clear();
			liveSessions.set(entry, expires);
		}
		return true;
	};

	const resolveUser = (id: string): Promise<ResolvedIdentity | undefined> => {
		let pending = users.get(id);
		if (!pending) {
			if (users.size >= maxCacheEntries) users.clear();
			pending = loadUser(knex, id);
			users.set(id, pending);
			const generation = identitiesGeneration;
			// Only found identities stay: a user who is not active yet may become so at any moment.
			pending.then(
				(identity) => {
					if (!identity) users.delete(id);
					else if (generation === identitiesGeneration) {
						if (resolvedUsers.size >= maxCacheEntries) resolvedUsers.clear();
						resolvedUsers.set(id, identity);
					}
				},
				() => users.delete(id),
			);
		}
		return pending;
	};

	const userOfStaticToken = async (token: string): Promise<string | undefined> => {
		const known = staticTokens.get(token);
		if (known) return known;
		const row: { id: string } | undefined = await knex('mantle_users').select('id').where({ token, status: 'active' }).first();
		if (!row) return undefined;
		if (staticTokens.size >= maxCacheEntries) staticTokens.clear();
		staticTokens.set(token, row.id);
		return row.id;
	};

	const verifyJwt = async (token: string): Promise<AccessTokenPayload> => {
		const known = verifiedJwts.get(token);
		if (known && Date.now() < known.expiresAt) return known.payload;
		verifiedJwts.delete(token);
		const payload = await verifyAccessToken(secret, token);
		const { exp } = payload as { exp?: number };
		if (typeof exp === 'number') {
			if (verifiedJwts.size >= maxCacheEntries) verifiedJwts.clear();
			verifiedJwts.set(token, { payload, expiresAt: exp * 1000 });
		}
		return payload;
	};

	const checkIp = (identity: ResolvedIdentity, ip: string | null) => {
		if (!ipAllowed(identity.ipAccess, ip)) throw createError('INVALID_IP');
	};

	const anonymous = async (base: { ip: string | null; userAgent?: string }) => {
		if (!publicIdentity) {
			const generation = identitiesGeneration;
			publicIdentity = loadPublic(knex).then(
				(identity) => {
					if (generation === identitiesGeneration) resolvedPublic = identity;
					return identity;
				},
				(error: unknown) => {
					publicIdentity = undefined;
					throw error;
				},
			);
		}
		const identity = await publicIdentity;
		checkIp(identity, base.ip);
		return toAccountability(identity, base);
	};

	/** The identity a token names when everything about it is already known and still valid; else undefined. */
	const knownIdentity = (token: string): ResolvedIdentity | undefined => {
		let userId = staticTokens.get(token);
		if (userId === undefined) {
			const jwt = verifiedJwts.get(token);
			if (!jwt || Date.now() >= jwt.expiresAt) return undefined;
			const { session, id } = jwt.payload;
			if (session !== undefined) {
				const liveUntil = liveSessions.get(`${session}\u0000${id}`);
				if (liveUntil === undefined || Date.now() >= liveUntil) return undefined;
			}
			userId = id;
		}
		return resolvedUsers.get(userId);
	};

	const authenticate: Authenticate = (request) => {
		const base = { ip: request.info.remoteAddress ?? null, userAgent: request.headers['user-agent'] as string | undefined };
		const presented = presentedToken(request, sessionCookieName);
		const known = presented ? knownIdentity(presented.token) : resolvedPublic;
		if (known) {
			checkIp(known, base.ip);
			return toAccountability(known, base);
		}
		return presented ? resolveToken(request, base, presented) : anonymous(base);
	};

	const resolveToken = async (request: Request, base: { ip: string | null; userAgent?: string }, presented: PresentedToken): Promise<Accountability> => {
		let userId: string | undefined;
		try {
			if (looksLikeJwt(presented.token)) {
				const payload = await verifyJwt(presented.token);
				if (payload.session !== undefined && !(await sessionIsLive(payload.session, payload.id))) throw createError('INVALID_CREDENTIALS');
				userId = payload.id;
			} else {
				userId = await userOfStaticToken(presented.token);
			}
			if (!userId) throw createError('INVALID_CREDENTIALS');
		} catch (error) {
			// A browser sends an ended session's cookie on its own; the routes that log in again,
			// refresh or log out must still be reachable with it.
			if (presented.source === 'cookie' && request.path.startsWith('/auth/')) return anonymous(base);
			throw error;
		}
		const identity = await resolveUser(userId);
		if (!identity) throw createError('INVALID_CREDENTIALS');
		checkIp(identity, base.ip);
		return toAccountability(identity, base);
	};

	const accountabilityOf: Authenticator['accountabilityOf'] = async (subject) => {
		const identity = 'role' in subject ? await loadRole(knex, subject.role) : await loadPublic(knex);
		return toAccountability(identity, { ip: null });
	};

	const sessionsEnded = () => {
		forgetSessions();
		announceSessionsEnded?.();
	};

	return { authenticate, invalidate: forget, sessionsEnded, forgetSessions, resolveUser, checkIp, accountabilityOf };
}

/**
 * A fresh accountability per request (callers may not alter the cached identity through it),
 * written as one literal: object rest and spread took V8's slow path on every request.
 */
function toAccountability(identity: ResolvedIdentity, base: { ip: string | null; userAgent?: string }): Accountability {
	const accountability: Accountability = {
		user: identity.user,
		role: identity.role,
		roles: identity.roles.slice(),
		policies: identity.policies.slice(),
		admin: identity.admin,
		app: identity.app,
		ip: base.ip,
	};
	if ('userAgent' in base) accountability.userAgent = base.userAgent;
	return accountability;
}

async function loadPublic(knex: Knex): Promise<ResolvedIdentity> {
	const policies: PolicyRow[] = await policyQuery(knex).whereNull('mantle_access.user').whereNull('mantle_access.role');
	return identityOf(null, null, [], policies);
}

async function loadUser(knex: Knex, id: string): Promise<ResolvedIdentity | undefined> {
	const user: { id: string; role: string | null } | undefined = await knex('mantle_users').select('id', 'role').where({ id, status: 'active' }).first();
	if (!user) return undefined;
	const roles = user.role ? await roleChain(knex, user.role) : [];
	const policies: PolicyRow[] = await policyQuery(knex).where((where) => {
		where.where('mantle_access.user', user.id);
		if (roles.length > 0) where.orWhereIn('mantle_access.role', roles);
	});
	return identityOf(user.id, user.role, roles, policies);
}

async function loadRole(knex: Knex, role: string): Promise<ResolvedIdentity> {
	const roles = await roleChain(knex, role);
	const policies: PolicyRow[] = roles.length > 0 ? await policyQuery(knex).whereIn('mantle_access.role', roles) : [];
	return identityOf(null, role, roles, policies);
}

/** The role and its ancestors through `parent`, nearest first; a cycle ends the walk. */
async function roleChain(knex: Knex, role: string): Promise<string[]> {
	const rows: Array<{ id: string; parent: string | null }> = await knex('mantle_roles').select('id', 'parent');
	const parents = new Map(rows.map((row) => [row.id, row.parent]));
	const chain: string[] = [];
	for (let current: string | null | undefined = role; current && !chain.includes(current); current = parents.get(current)) chain.push(current);
	return chain;
}

function policyQuery(knex: Knex) {
	return knex('mantle_policies')
		.select('mantle_policies.id', 'admin_access', 'app_access', 'ip_access')
		.join('mantle_access', 'mantle_access.policy', 'mantle_policies.id');
}

function identityOf(user: string | null, role: string | null, roles: string[], rows: PolicyRow[]): ResolvedIdentity {
	// Deduplicated here rather than with DISTINCT, which some vendors refuse on text columns.
	const policies = [...new Map(rows.map((row) => [row.id, row])).values()];
	const admin = policies.some((p) => Boolean(p.admin_access));
	return {
		user,
		role,
		roles,
		policies: policies.map((p) => p.id),
		admin,
		app: admin || policies.some((p) => Boolean(p.app_access)),
		ipAccess: parseIpAccess(policies.map((p) => p.ip_access)),
	};
}
