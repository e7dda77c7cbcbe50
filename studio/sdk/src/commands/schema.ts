import { command } from '../command.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a snapshot carries the server's own metadata, read as sent
export type SchemaSnapshot = Record<string, any> & { version: number; collections: unknown[]; fields: unknown[]; relations: unknown[] };
export type SchemaDiff = { hash: string; diff: Record<string, unknown> };

export const schemaSnapshot = () => command<SchemaSnapshot>({ method: 'GET', path: '/schema/snapshot' });
/** What applying the snapshot would change; null when the schema already matches. `force` allows other versions or vendors. */
export const schemaDiff = (snapshot: SchemaSnapshot, force = false) =>
	command<SchemaDiff | null>({ method: 'POST', path: '/schema/diff', params: force ? { force: 'true' } : {}, body: snapshot });
export const schemaApply = (diff: SchemaDiff) => command<void>({ method: 'POST', path: '/schema/apply', body: diff });
