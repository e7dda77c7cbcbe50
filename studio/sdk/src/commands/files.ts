import { command, segment, type UploadProgress } from '../command.js';
import { queryParams } from '../query.js';
import type { Query } from '../schema.js';
import { createOne, deleteMany, deleteOne, readMany, readOne, updateMany, type Key, type SystemItem } from './crud.js';

export interface FileInfo extends SystemItem {
	id: string;
	filename_download: string;
	title: string | null;
	type: string | null;
	filesize: number | string | null;
	folder: string | null;
}

export interface UploadOptions {
	/** Called as the body goes out, with bytes sent and the body's total size. */
	onProgress?: (progress: UploadProgress) => void;
	query?: Query;
}

const path = '/files';

export const readFiles = (query?: Query) => readMany<FileInfo>(path, query);
export const readFile = (key: Key, query?: Query) => readOne<FileInfo>(path, key, query);

/**
 * Uploads files: a FormData whose metadata fields come before each file part, as the API reads
 * them in order. One file answers one record, several an array. Abort with the request's `signal`.
 */
export const uploadFiles = (form: FormData, options: UploadOptions = {}) => ({
	...createOne<FileInfo | FileInfo[]>(path, form, options.query),
	onUploadProgress: options.onProgress,
});

/** Replaces a file's content (and metadata) in place. */
export function replaceFile(key: Key, form: FormData, options: UploadOptions = {}) {
	return command<FileInfo>({
		method: 'PATCH',
		path: `${path}/${segment(key)}`,
		params: queryParams(options.query),
		body: form,
		onUploadProgress: options.onProgress,
	});
}

/** Has the server fetch a file from a URL. */
export const importFile = (url: string, data: Partial<FileInfo> = {}, query?: Query) =>
	command<FileInfo>({ method: 'POST', path: `${path}/import`, params: queryParams(query), body: { url, data } });
export const updateFile = (key: Key, item: Partial<FileInfo>, query?: Query) =>
	command<FileInfo>({ method: 'PATCH', path: `${path}/${segment(key)}`, params: queryParams(query), body: item });
export const updateFiles = (keysOrQuery: Key[] | Query, item: Partial<FileInfo>, query?: Query) => updateMany<FileInfo>(path, keysOrQuery, item, query);
export const deleteFile = (key: Key) => deleteOne(path, key);
export const deleteFiles = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);
