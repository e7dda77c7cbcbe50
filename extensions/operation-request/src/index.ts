import { createError, defineOperation, type RequestOptions } from '@mantle/extensions-sdk';

interface RequestOperationOptions {
	url?: unknown;
	method?: unknown;
	body?: unknown;
	headers?: Array<{ header?: unknown; value?: unknown }> | Record<string, unknown>;
}

const methods = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

/**
 * Calls a URL and answers `{ status, headers, data }`; a response of 400 or more rejects with it.
 * Private and loopback addresses are refused unless FLOWS_REQUEST_ALLOW_PRIVATE_NETWORK is set.
 */
export default defineOperation<RequestOperationOptions, unknown, 'request'>({
	id: 'request',
	name: 'Webhook / Request URL',
	options: [
		{
			field: 'method',
			name: 'Method',
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				options: {
					choices: [
						{ text: 'GET', value: 'GET' },
						{ text: 'POST', value: 'POST' },
						{ text: 'PUT', value: 'PUT' },
						{ text: 'PATCH', value: 'PATCH' },
						{ text: 'DELETE', value: 'DELETE' },
					],
				},
			},
			schema: { default_value: 'GET' },
		},
		{ field: 'url', name: 'URL', type: 'string', meta: { interface: 'input' } },
		{ field: 'headers', name: 'Headers', type: 'json', meta: { interface: 'input-code' } },
		{ field: 'body', name: 'Body', type: 'text', meta: { interface: 'textarea' } },
	],
	async handler(options, { request }) {
		if (typeof options.url !== 'string' || options.url === '') throw createError('operationNeedsOption', { operation: 'request', option: 'url' });
		const method = String(options.method ?? 'GET').toUpperCase();
		if (!methods.has(method)) throw createError('requestMethodRefused', { value: method, allowed: [...methods].join(', ') });
		const response = await request(options.url, {
			method: method as RequestOptions['method'],
			headers: headersOf(options.headers),
			body: bodyOf(options.body),
		});
		const result = { status: response.status, headers: response.headers, data: response.body };
		if (response.status >= 400) throw createError('operationTargetFailed', { url: options.url, status: response.status }, { response: result });
		return result;
	},
});

/** Directus stores headers as a list of `{ header, value }`; a plain object works too. */
function headersOf(given: RequestOperationOptions['headers']): Record<string, string> {
	if (Array.isArray(given)) {
		return Object.fromEntries(
			given.filter((entry) => typeof entry?.header === 'string' && entry.header !== '').map((entry) => [String(entry.header), String(entry.value ?? '')]),
		);
	}
	if (given && typeof given === 'object') return Object.fromEntries(Object.entries(given).map(([name, value]) => [name, String(value ?? '')]));
	return {};
}

function bodyOf(body: unknown): RequestOptions['body'] {
	if (body === undefined || body === null || body === '') return undefined;
	if (typeof body === 'string' || Array.isArray(body)) return body as RequestOptions['body'];
	if (typeof body === 'object') return body as Record<string, unknown>;
	return String(body);
}
