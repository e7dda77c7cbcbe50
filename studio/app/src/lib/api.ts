import { command, createClient, isMantleError, queryParams, webStorage, type HttpMethod, type UploadProgress } from '@mantle/sdk';
import type { StudioApi } from '@mantle/extensions-sdk';

/**
 * The Studio's one client. Session mode keeps the token in an httpOnly cookie the page's scripts
 * never see; the SDK refreshes it on a timer before it expires, so nobody notices a refresh.
 */
export const client = createClient(location.origin, { mode: 'session', storage: webStorage(localStorage, 'mantle_studio_auth'), dedupe: true });

export type Query = Record<string, unknown>;

export interface Envelope<T> {
	data: T;
	meta?: { total_count?: number; filter_count?: number };
}

function call<T>(method: HttpMethod, path: string, query?: Query, body?: unknown, onUploadProgress?: (progress: UploadProgress) => void): Promise<T> {
	return client.request<T>(command({ method, path, params: queryParams(query as never), body, ...(onUploadProgress ? { onUploadProgress } : {}) }));
}

export const api = {
	get: <T = unknown>(path: string, query?: Query) => call<T>('GET', path, query),
	envelope: <T = unknown>(path: string, query?: Query) =>
		client.requestEnvelope<T>(command({ method: 'GET', path, params: queryParams(query as never) })) as Promise<Envelope<T>>,
	post: <T = unknown>(path: string, body?: unknown, query?: Query) => call<T>('POST', path, query, body),
	patch: <T = unknown>(path: string, body?: unknown, query?: Query) => call<T>('PATCH', path, query, body),
	delete: (path: string, body?: unknown) => call<void>('DELETE', path, undefined, body),
	upload: <T = unknown>(path: string, form: FormData, onProgress?: (progress: UploadProgress) => void, method: HttpMethod = 'POST') =>
		call<T>(method, path, undefined, form, onProgress),
};

/** What app extensions get as `api`: the same client, as the signed-in user. */
export const studioApi: StudioApi = {
	request: (path, options = {}) => call((options.method ?? 'GET').toUpperCase() as HttpMethod, path, options.query, options.body),
};

/** The API's own message for a failure, for toasts and field errors. */
export function messageOf(error: unknown): string {
	if (isMantleError(error)) return error.message;
	return error instanceof Error ? error.message : String(error);
}

export function fieldOf(error: unknown): string | undefined {
	if (!isMantleError(error)) return undefined;
	const entry = error.errors.find((candidate) => typeof candidate.extensions?.field === 'string');
	return entry?.extensions?.field as string | undefined;
}

export { isMantleError };
