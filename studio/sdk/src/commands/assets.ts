import { command, segment, withQuery } from '../command.js';
import { queryParams } from '../query.js';

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

const assetPath = (id: string, options: AssetOptions) => `/assets/${segment(id)}${options.filename ? `/${segment(options.filename)}` : ''}`;

/** The URL of a file's content, for `<img src>` or a link; no request is made. */
export const assetUrl = (baseUrl: string, id: string, options: AssetOptions = {}): string =>
	baseUrl.replace(/\/+$/, '') + withQuery(assetPath(id, options), queryParams({ ...options, filename: undefined }));

/** A file's content as the fetch `Response` (stream its body, or call `.blob()`/`.arrayBuffer()`). */
export const readAssetRaw = (id: string, options: AssetOptions = {}) =>
	command<Response>({ method: 'GET', path: assetPath(id, options), params: queryParams({ ...options, filename: undefined }), raw: true });
