/** Options of an outgoing HTTP call; a string or object body is sent as text or JSON. */
export interface RequestOptions {
	method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD' | 'OPTIONS';
	headers?: Record<string, string>;
	body?: string | Record<string, unknown> | unknown[];
}

export interface RequestResponse {
	status: number;
	headers: Record<string, string>;
	/** Parsed JSON when the response says it is JSON, the text otherwise. */
	body: unknown;
}

/**
 * The `request` scope: HTTP calls to the URLs (glob patterns) and methods the manifest
 * requested. A call outside them rejects before anything leaves the host.
 */
export type RequestCapability = (url: string, options?: RequestOptions) => Promise<RequestResponse>;
