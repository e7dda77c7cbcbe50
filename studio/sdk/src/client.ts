import type { RestCommand } from './command.js';
import { createCookieJar } from './cookies.js';
import { errorFromBody, MantleError } from './errors.js';
import { memoryStorage, type AuthData, type AuthStorage } from './storage.js';
import { multipartBlob, progressStream, xhrRequest } from './upload.js';

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

const expiredCodes = new Set(['TOKEN_EXPIRED', 'INVALID_TOKEN']);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Milliseconds a `Retry-After` header asks for (seconds or an HTTP date). */
function retryDelay(header: string | null): number {
	if (!header) return 1000;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(header);
	return Number.isNaN(at) ? 1000 : Math.max(0, at - Date.now());
}

function isRawBody(body: unknown): boolean {
	return (
		typeof body === 'string' ||
		body instanceof Blob ||
		body instanceof ArrayBuffer ||
		ArrayBuffer.isView(body) ||
		(typeof FormData !== 'undefined' && body instanceof FormData) ||
		(typeof ReadableStream !== 'undefined' && body instanceof ReadableStream) ||
		body instanceof URLSearchParams
	);
}

function abortError(): MantleError {
	return new MantleError(0, [{ message: 'The request was aborted.', extensions: { code: 'ABORTED' } }]);
}

/** A client of one Mantle (or Directus-compatible) server. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as in @directus/sdk, a client without a schema type reads rows untyped
export function createClient<Schema = any>(url: string, options: ClientOptions = {}): MantleClient<Schema> {
	const base = url.replace(/\/+$/, '');
	const fetcher = options.fetch ?? globalThis.fetch.bind(globalThis);
	const storage = options.storage ?? memoryStorage();
	const defaultMode = options.mode ?? 'json';
	const jar = createCookieJar();
	const retry = options.retry === true ? {} : options.retry || undefined;
	const inFlight = new Map<string, Promise<unknown>>();
	let mode: AuthMode = defaultMode;
	let refreshing: Promise<AuthData> | null = null;
	let timer: ReturnType<typeof setTimeout> | undefined;
	let staticToken: string | null = options.token ?? null;

	const credentials = (): RequestCredentials => options.credentials ?? (mode === 'json' && !staticToken ? 'same-origin' : 'include');

	function stopRefreshing() {
		if (timer !== undefined) clearTimeout(timer);
		timer = undefined;
	}

	function marginFor(data: AuthData): number {
		return Math.min(options.refreshMargin ?? 30_000, (data.expires ?? 0) / 4);
	}

	function schedule(data: AuthData) {
		stopRefreshing();
		if (options.autoRefresh === false || data.expires_at === null) return;
		const due = Math.max(0, data.expires_at - marginFor(data) - Date.now());
		timer = setTimeout(() => void refresh().catch(() => undefined), due);
		(timer as { unref?: () => void }).unref?.();
	}

	async function remember(body: { data?: { access_token?: string; refresh_token?: string; expires?: number } }): Promise<AuthData> {
		const data = body.data ?? {};
		const previous = await storage.get();
		const expires = typeof data.expires === 'number' ? data.expires : null;
		const auth: AuthData = {
			access_token: data.access_token ?? null,
			// Cookie mode keeps the refresh token in a cookie; json mode rotates it in the answer.
			refresh_token: data.refresh_token ?? (mode === 'json' ? null : (previous?.refresh_token ?? null)),
			expires,
			expires_at: expires === null ? null : Date.now() + expires,
		};
		await storage.set(auth);
		schedule(auth);
		return auth;
	}

	async function send(path: string, init: RequestInit & { headers: Record<string, string> }, command?: RestCommand<unknown>): Promise<Response> {
		const cookie = jar.header();
		if (cookie) init.headers.cookie = cookie;
		let response: Response;
		try {
			if (command?.onUploadProgress && init.body instanceof Blob) {
				const onProgress = command.onUploadProgress;
				// Browsers report real upload progress only through XMLHttpRequest.
				if (typeof XMLHttpRequest !== 'undefined' && !options.fetch) {
					response = await xhrRequest({
						method: init.method ?? 'POST',
						url: base + path,
						headers: init.headers,
						body: init.body,
						withCredentials: init.credentials === 'include',
						signal: init.signal ?? undefined,
						onProgress,
					});
				} else {
					const body = progressStream(init.body, onProgress, init.signal ?? undefined);
					response = await fetcher(base + path, { ...init, body, duplex: 'half' } as RequestInit);
				}
			} else {
				response = await fetcher(base + path, init);
			}
		} catch (error) {
			if (init.signal?.aborted || (error as Error)?.name === 'AbortError') throw abortError();
			throw new MantleError(0, [{ message: `Could not reach ${base}: ${(error as Error)?.message ?? error}`, extensions: { code: 'NETWORK_ERROR' } }]);
		}
		jar.store(response);
		return response;
	}

	async function failure(response: Response): Promise<MantleError> {
		const text = await response.text().catch(() => '');
		let body: unknown = null;
		try {
			body = text ? JSON.parse(text) : null;
		} catch {
			body = null;
		}
		return errorFromBody(response.status, body, response.statusText);
	}

	async function authPost(path: string, payload: Record<string, unknown>): Promise<Response> {
		const response = await send(path, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...options.headers },
			body: JSON.stringify(payload),
			credentials: credentials(),
		});
		if (!response.ok) throw await failure(response);
		return response;
	}

	async function login(creds: LoginCredentials, loginOptions: { mode?: AuthMode } = {}): Promise<AuthData> {
		mode = loginOptions.mode ?? defaultMode;
		staticToken = null;
		const payload: Record<string, unknown> = { email: creds.email, password: creds.password, mode };
		if (creds.otp) payload.otp = creds.otp;
		const response = await authPost('/auth/login', payload);
		return remember(await response.json());
	}

	function refresh(): Promise<AuthData> {
		refreshing ??= (async () => {
			try {
				const current = await storage.get();
				const payload: Record<string, unknown> = { mode };
				if (mode === 'json') {
					if (!current?.refresh_token)
						throw new MantleError(401, [{ message: 'There is no refresh token to refresh with.', extensions: { code: 'INVALID_CREDENTIALS' } }]);
					payload.refresh_token = current.refresh_token;
				}
				const response = await authPost('/auth/refresh', payload);
				return await remember(await response.json());
			} finally {
				refreshing = null;
			}
		})();
		return refreshing;
	}

	async function logout(): Promise<void> {
		stopRefreshing();
		const current = await storage.get();
		try {
			if (!staticToken && current) {
				const payload: Record<string, unknown> = { mode };
				if (mode === 'json' && current.refresh_token) payload.refresh_token = current.refresh_token;
				await authPost('/auth/logout', payload);
			}
		} finally {
			staticToken = null;
			jar.clear();
			await storage.set(null);
		}
	}

	/** Refreshes first when the access token is about to expire and a refresh is possible. */
	async function freshAuth(): Promise<AuthData | null> {
		if (staticToken) return null;
		const current = await storage.get();
		if (!current || current.expires_at === null) return current;
		const canRefresh = mode !== 'json' || current.refresh_token !== null;
		if (canRefresh && Date.now() >= current.expires_at - marginFor(current)) return refresh().catch(() => current);
		return current;
	}

	async function execute(cmd: RestCommand<unknown>, requestOptions: RequestOptions, attempt: number, refreshed: boolean): Promise<unknown> {
		const headers: Record<string, string> = { ...options.headers, ...cmd.headers };
		let body: BodyInit | undefined;
		if (cmd.body !== undefined) {
			if (typeof FormData !== 'undefined' && cmd.body instanceof FormData) {
				const encoded = multipartBlob(cmd.body);
				body = encoded.body;
				headers['content-type'] = encoded.type;
			} else if (isRawBody(cmd.body)) {
				body = cmd.body as BodyInit;
			} else {
				body = JSON.stringify(cmd.body);
				headers['content-type'] ??= 'application/json';
			}
		}
		if (cmd.auth !== false) {
			const auth = await freshAuth();
			const token = staticToken ?? auth?.access_token;
			if (token && mode !== 'session') headers.authorization = `Bearer ${token}`;
			if (token && mode === 'session' && staticToken) headers.authorization = `Bearer ${token}`;
		}
		const response = await send(pathOf(cmd), { method: cmd.method, headers, body, credentials: credentials(), signal: requestOptions.signal }, cmd);
		if (response.ok) {
			if (cmd.raw) return response;
			if (response.status === 204) return cmd.envelope ? { data: null } : null;
			const text = await response.text();
			// A few routes answer plain text (`/server/ping`); everything else is a JSON envelope.
			if (!(response.headers.get('content-type') ?? '').includes('json')) return text;
			const parsed = text ? JSON.parse(text) : null;
			return cmd.envelope ? parsed : (parsed?.data ?? null);
		}
		const error = await failure(response);
		const replayable = body === undefined || typeof body === 'string';
		if (response.status === 401 && expiredCodes.has(error.code) && !refreshed && !staticToken && cmd.auth !== false && replayable) {
			const current = await storage.get();
			if (current && (mode !== 'json' || current.refresh_token)) {
				await refresh();
				return execute(cmd, requestOptions, attempt, true);
			}
		}
		if (response.status === 429 && retry && attempt < (retry.attempts ?? 3) && replayable) {
			const delay = retryDelay(response.headers.get('retry-after'));
			if (delay <= (retry.maxDelay ?? 60_000)) {
				await sleep(delay);
				if (requestOptions.signal?.aborted) throw abortError();
				return execute(cmd, requestOptions, attempt + 1, refreshed);
			}
		}
		throw error;
	}

	function pathOf(cmd: RestCommand<unknown>): string {
		const search = cmd.params && Object.keys(cmd.params).length > 0 ? `?${new URLSearchParams(cmd.params)}` : '';
		return cmd.path + search;
	}

	async function run(cmd: RestCommand<unknown>, requestOptions: RequestOptions = {}): Promise<unknown> {
		const shareable = cmd.method === 'GET' && !cmd.raw && !requestOptions.signal && options.dedupe !== false;
		if (!shareable) return execute(cmd, requestOptions, 0, false);
		const auth = staticToken ?? (await storage.get())?.access_token ?? '';
		const key = `${pathOf(cmd)}\n${cmd.envelope ? 'envelope' : 'data'}\n${auth}\n${JSON.stringify(cmd.headers ?? {})}`;
		const pending = inFlight.get(key);
		if (pending) return pending;
		const started = execute(cmd, requestOptions, 0, false).finally(() => inFlight.delete(key));
		inFlight.set(key, started);
		return started;
	}

	return {
		url: base,
		request: (cmd, requestOptions) => run(cmd as RestCommand<unknown>, requestOptions) as never,
		requestEnvelope: (cmd, requestOptions) => run({ ...(cmd as RestCommand<unknown>), envelope: true }, requestOptions) as never,
		login,
		refresh,
		logout,
		async setToken(token) {
			stopRefreshing();
			staticToken = token;
			await storage.set(token ? { access_token: token, refresh_token: null, expires: null, expires_at: null } : null);
		},
		async getToken() {
			return staticToken ?? (await storage.get())?.access_token ?? null;
		},
		stopRefreshing,
	};
}
