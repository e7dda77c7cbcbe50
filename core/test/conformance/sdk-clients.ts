import { authentication, createDirectus, rest, staticToken } from '@directus/sdk';
import { adminToken } from '../helpers/kernel.js';

/**
 * The clients a Directus user builds with the published `@directus/sdk`: the admin through a
 * static token, and a person signing in with email and password (json mode, as the SDK defaults).
 */
export function adminClient(url: string) {
	return createDirectus(url).with(staticToken(adminToken)).with(rest());
}

export function tokenClient(url: string, token: string) {
	return createDirectus(url).with(staticToken(token)).with(rest());
}

export function sessionClient(url: string) {
	return createDirectus(url)
		.with(authentication('json', { autoRefresh: false }))
		.with(rest());
}

export function anonymousClient(url: string) {
	return createDirectus(url).with(rest());
}

export interface SdkError {
	status: number | undefined;
	code: string | undefined;
	message: string | undefined;
	extensions: Record<string, unknown> | undefined;
}

/** What a client sees of a refused request: the SDK rejects with `{ errors, response }`. */
export async function sdkError(request: Promise<unknown>): Promise<SdkError> {
	try {
		await request;
	} catch (error) {
		const failure = error as { errors?: Array<{ message?: string; extensions?: Record<string, unknown> }>; response?: Response };
		const first = failure.errors?.[0];
		return { status: failure.response?.status, code: first?.extensions?.code as string | undefined, message: first?.message, extensions: first?.extensions };
	}
	throw new Error('The request was expected to fail, and succeeded.');
}
