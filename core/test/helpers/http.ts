import { adminToken } from './kernel.js';

export interface ApiResponse {
	status: number;
	body: any;
}

/** One JSON call against a running kernel, as the admin unless another token (or none) is given. */
export async function api(url: string, method: string, path: string, payload?: unknown, token: string | null = adminToken): Promise<ApiResponse> {
	const headers: Record<string, string> = {};
	if (token) headers.authorization = `Bearer ${token}`;
	if (payload !== undefined) headers['content-type'] = 'application/json';
	const response = await fetch(`${url}${path}`, { method, headers, body: payload === undefined ? undefined : JSON.stringify(payload) });
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** The error code of an error response. */
export function errorCode(response: ApiResponse): string | undefined {
	return response.body?.errors?.[0]?.extensions?.code;
}
