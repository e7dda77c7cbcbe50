import { command, segment } from '../command.js';
import type { Query } from '../schema.js';

export const clearCache = (system = false) => command<void>({ method: 'POST', path: '/utils/cache/clear', params: system ? { system: 'true' } : {} });
export const randomString = (length = 32) => command<string>({ method: 'GET', path: '/utils/random/string', params: { length: String(length) } });
export const generateHash = (string: string) => command<string>({ method: 'POST', path: '/utils/hash/generate', body: { string } });
export const verifyHash = (string: string, hash: string) => command<boolean>({ method: 'POST', path: '/utils/hash/verify', body: { string, hash } });
/** Moves an item in a manually sorted collection. */
export const utilitySort = (collection: string, item: string | number, to: string | number) =>
	command<void>({ method: 'POST', path: `/utils/sort/${segment(collection)}`, body: { item, to } });
/** Imports a CSV, JSON or XML file into a collection (a FormData with one `file` part). */
export const utilsImport = (collection: string, form: FormData) => command<void>({ method: 'POST', path: `/utils/import/${segment(collection)}`, body: form });
/** Exports a query's items as CSV, JSON, XML or YAML; resolves to the `Response` carrying the file. */
export const utilsExport = (collection: string, format: 'csv' | 'json' | 'xml' | 'yaml', query: Query = {}, file: Record<string, unknown> = {}) =>
	command<Response>({ method: 'POST', path: `/utils/export/${segment(collection)}`, body: { format, query, file }, raw: true });
export const revertRevision = (revision: string | number) => command<void>({ method: 'POST', path: `/utils/revert/${segment(revision)}` });
