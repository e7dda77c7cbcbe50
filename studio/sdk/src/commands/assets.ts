import { command, segment } from '../command.js';

/** Image transforms of `/assets/:id`, as the API names them. */
export interface AssetOptions {
	key?: string;
	width?: number;
	height?: number;
	fit?: 'cover' | 'contain' | 'inside' | 'outside';
	quality?: number;
	format?: 'auto' | 'jpg' | 'png' | 'webp' | 'tiff' | 'avif';
	withoutEnlargement?: boolean;
	/** Raw sharp operations, e.g. `[['blur', 4], ['rotate', 90]]`. */
	transforms?: Array<[string, ...unknown[]]>;
	download?: boolean;
	/** A token for `<img src>` where no header can be sent. */
	access_token?: string;
	/** A file name for the URL's last segment (`/assets/:id/:filename`). */
	filename?: string;
}

function assetParams(options: AssetOptions): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [name, value] of Object.entries(options)) {
		if (value === undefined || name === 'filename') continue;
		params[name] = name === 'transforms' ? JSON.stringify(value) : String(value);
	}
	return params;
}

function assetPath(id: string, options: AssetOptions): string {
	return `/assets/${segment(id)}${options.filename ? `/${segment(options.filename)}` : ''}`;
}

/** The URL of a file's content, for `<img src>` or a link; no request is made. */
export function assetUrl(baseUrl: string, id: string, options: AssetOptions = {}): string {
	const params = new URLSearchParams(assetParams(options)).toString();
	return `${baseUrl.replace(/\/+$/, '')}${assetPath(id, options)}${params ? `?${params}` : ''}`;
}

/** A file's content as the fetch `Response` (stream its body, or call `.blob()`/`.arrayBuffer()`). */
export const readAssetRaw = (id: string, options: AssetOptions = {}) =>
	command<Response>({ method: 'GET', path: assetPath(id, options), params: assetParams(options), raw: true });
