import { withQuery, type RestCommand } from './command.js';
import { clientError, errorFromBody } from './errors.js';
import { memoryStorage, type AuthData, type AuthStorage } from './storage.js';
import { createTransport } from './transport.js';

export type AuthMode = 'json' | 'cookie' | 'session';

export interface RetryOptions {
	/** Further attempts after a 429 (default 3). */
	attempts?: number;
	/** The longest wait the client accepts from `Retry-After`, in ms (default 60 s); longer fails at once. */
	maxDelay?: number;
}

export interface ClientOptions {
	/** The fetch to use (default: the global one). */
	fetch?: typeof fetch;
	/** Where the sign-in is kept (default: memory). */
	storage?: AuthStorage;
	/** Login mode: `json` (tokens in the answer, the default), `cookie` (refresh token in a cookie), `session` (a session cookie). */
	mode?: AuthMode;
	/** A static token (an API token of a user); never refreshed. */
	token?: string;
	/** Refresh this long before the access token expires, in ms (default 30 s, at most a quarter of its lifetime). */
	refreshMargin?: number;
	/** Refresh on a timer before expiry, not only before the next request (default true). */
	autoRefresh?: boolean;
	/** Retry requests answered 429, after the server's `Retry-After`. Off by default. */
	retry?: boolean | RetryOptions;
	/** Share one answer among identical GETs in flight at once (default true). */
	dedupe?: boolean;
	/** Browsers: send cookies cross-origin (default `include` in cookie and session modes). */
	credentials?: RequestCredentials;
	/** Headers sent with every request. */
	headers?: Record<string, string>;
}

export interface LoginCredentials {
	email: string;
	password: string;
	otp?: string;
}

export interface RequestOptions {
	signal?: AbortSignal;
}

export interface Envelope<Output> {
	data: Output;
	meta?: Record<string, unknown>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in @directus/sdk, a client without a schema type reads rows untyped
export interface MantleClient<Schema = any> {
	readonly url: string;
	request<Output>(command: RestCommand<Output, Schema>, options?: RequestOptions): Promise<Output>;
	/** As `request`, resolving to the whole `{ data, meta }` answer. */
	requestEnvelope<Output>(command: RestCommand<Output, Schema>, options?: RequestOptions): Promise<Envelope<Output>>;
	login(credentials: LoginCredentials, options?: { mode?: AuthMode }): Promise<AuthData>;
	refresh(): Promise<AuthData>;
	logout(): Promise<void>;
	/** Use a static token from now on (or none, with null). */
	setToken(token: string | null): Promise<void>;
	getToken(): Promise<string | null>;
	/** Stops the refresh timer. */
	stopRefreshing(): void;
}

/** A client of one Mantle (or Directus-compatible) server. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in @directus/sdk, a client without a schema type reads rows untyped
export function createClient<Schema = any>(url: string, options: ClientOptions = {}): MantleClient<Schema> {
	const base = url.replace(/\/+$/, '');
	const storage = options.storage ?? memoryStorage();
	const transport = createTransport(options.fetch);
	const { attempts = 3, maxDelay = 60_000 } = options.retry === true ? {} : options.retry || { attempts: 0 };
	const inFlight = new Map<string, Promise<unknown>>();
	let mode: AuthMode = options.mode ?? 'json';
	let refreshing: Promise<AuthData> | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let staticToken: string | null = options.token ?? null;

	const stopRefreshing = () => clearTimeout(timer);
	const marginFor = (auth: AuthData) => Math.min(options.refreshMargin ?? 30_000, (auth.expires ?? 0) / 4);
	// Cookie and session modes refresh with a cookie; json mode needs the refresh token it was given.
	const canRefresh = (auth: AuthData | null) => !!auth && (mode != 'json' || !!auth.refresh_token);
	const tokenBody = (auth: AuthData | null) => ({ mode, refresh_token: (mode == 'json' && auth?.refresh_token) || undefined });
	const currentToken = async () => staticToken ?? (await storage.get())?.access_token ?? null;

	/** Posts to an auth endpoint (without the caller's token) and remembers the tokens it answers with. */
	async function authenticate(path: string, body: object): Promise<AuthData> {
		const data = ((await execute({ method: 'POST', path, body, auth: false })) ?? {}) as { access_token?: string; refresh_token?: string; expires?: number };
		const expires = data.expires ?? null;
		const auth: AuthData = {
			access_token: data.access_token ?? null,
			// Cookie mode keeps the refresh token in a cookie; json mode rotates it in the answer.
			refresh_token: data.refresh_token ?? (mode == 'json' ? null : ((await storage.get())?.refresh_token ?? null)),
			expires,
			expires_at: expires === null ? null : Date.now() + expires,
		};
		await storage.set(auth);
		stopRefreshing();
		if (options.autoRefresh !== false && expires !== null) {
			timer = setTimeout(() => void refresh().catch(() => undefined), auth.expires_at! - marginFor(auth) - Date.now());
			(timer as { unref?: () => void }).unref?.();
		}
		return auth;
	}

	function refresh(): Promise<AuthData> {
		// Concurrent callers share one refresh: a refresh token is good for one use. Without one
		// (json mode, signed out) the server refuses it, with its own code.
		return (refreshing ??= (async () => authenticate('/auth/refresh', tokenBody(await storage.get())))().finally(() => (refreshing = null)));
	}

	async function execute(cmd: RestCommand<unknown>, signal?: AbortSignal, attempt = 0, refreshed = false): Promise<unknown> {
		const raw = cmd.body;
		// Strings and class instances (Blob, FormData, bytes, streams, URLSearchParams) go as they are; other values as JSON.
		const json = raw !== undefined && typeof raw != 'string' && (!(raw instanceof Object) || Array.isArray(raw) || raw.constructor == Object);
		const headers: Record<string, string> = { ...(json && { 'content-type': 'application/json' }), ...options.headers, ...cmd.headers };
		const body = (json ? JSON.stringify(raw) : raw) as BodyInit | undefined;
		const signed = cmd.auth !== false;
		let auth: AuthData | null = null;
		if (signed && !staticToken) {
			auth = await storage.get();
			// Refresh first when the access token is about to expire; if that fails, the request answers for itself.
			if (auth?.expires_at != null && canRefresh(auth) && Date.now() >= auth.expires_at - marginFor(auth)) auth = await refresh().catch(() => auth);
		}
		// A session rides on its cookie; a static token is sent in every mode.
		const token = signed && (staticToken ?? (mode != 'session' && auth?.access_token));
		if (token) headers.authorization = `Bearer ${token}`;
		let response: Response;
		try {
			response = await transport.send(
				base + withQuery(cmd.path, cmd.params),
				{ method: cmd.method, headers, body, signal, credentials: options.credentials ?? (mode == 'json' && !staticToken ? 'same-origin' : 'include') },
				cmd.onUploadProgress,
			);
		} catch (error) {
			throw signal?.aborted
				? clientError('The request was aborted.', 'ABORTED')
				: clientError(`Could not reach ${base}: ${(error as Error)?.message ?? error}`, 'NETWORK_ERROR');
		}
		if (response.ok) {
			if (cmd.raw) return response;
			const text = await response.text();
			// A few routes answer plain text (`/server/ping`); everything else is a JSON envelope (or 204, no body).
			if (text && !/json/.test(response.headers.get('content-type')!)) return text;
			const parsed = text ? JSON.parse(text) : { data: null };
			return cmd.envelope ? parsed : (parsed?.data ?? null);
		}
		const error = errorFromBody(response.status, await response.json().catch(() => null), response.statusText);
		// Only a body that can be sent twice is sent again.
		if (body === undefined || typeof body == 'string') {
			// `auth` is null for a static token or an unsigned call: those are never refreshed.
			if (response.status == 401 && !refreshed && /^(TOKEN_EXPIRED|INVALID_TOKEN)$/.test(error.code) && canRefresh(auth)) {
				await refresh();
				return execute(cmd, signal, attempt, true);
			}
			const header = response.headers.get('retry-after') || '1';
			// `Retry-After` is seconds or an HTTP date (one second when absent or unreadable).
			const delay = Math.max(0, +header >= 0 ? +header * 1000 : Date.parse(header) - Date.now() || 1000);
			if (response.status == 429 && attempt < attempts && delay <= maxDelay) {
				await new Promise((resolve) => setTimeout(resolve, delay));
				// An abort during the wait makes the resend fail at once with ABORTED.
				return execute(cmd, signal, attempt + 1, refreshed);
			}
		}
		throw error;
	}

	async function run(cmd: RestCommand<unknown>, { signal }: RequestOptions = {}): Promise<unknown> {
		if (cmd.method != 'GET' || cmd.raw || signal || options.dedupe === false) return execute(cmd, signal);
		// Identical GETs in flight at once, for the same user, share one answer.
		const key = JSON.stringify([cmd, await currentToken()]);
		let pending = inFlight.get(key);
		if (!pending) inFlight.set(key, (pending = execute(cmd).finally(() => inFlight.delete(key))));
		return pending;
	}

	return {
		url: base,
		request: run as MantleClient<Schema>['request'],
		requestEnvelope: (cmd, requestOptions) => run({ ...(cmd as RestCommand<unknown>), envelope: true }, requestOptions) as never,
		login(credentials, loginOptions = {}) {
			mode = loginOptions.mode ?? options.mode ?? 'json';
			staticToken = null;
			return authenticate('/auth/login', { ...credentials, mode });
		},
		refresh,
		async logout() {
			stopRefreshing();
			const current = await storage.get();
			try {
				if (!staticToken && current) await execute({ method: 'POST', path: '/auth/logout', body: tokenBody(current), auth: false });
			} finally {
				staticToken = null;
				transport.clear();
				await storage.set(null);
			}
		},
		async setToken(token) {
			stopRefreshing();
			staticToken = token;
			await storage.set(token ? { access_token: token, refresh_token: null, expires: null, expires_at: null } : null);
		},
		getToken: currentToken,
		stopRefreshing,
	};
}
