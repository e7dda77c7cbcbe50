import type { Accountability } from './accountability.js';

type Json = Record<string, unknown>;

/** What `diff` answers: the changes (deep-diff entries per collection, field and relation) and the hash of the schema they apply to. */
export interface SchemaDiffResult {
	hash: string;
	diff: { collections: Json[]; fields: Json[]; relations: Json[] };
}

/** One change `apply` made, or would make in a dry run. */
export interface SchemaApplyStep {
	action: 'create' | 'update' | 'delete';
	kind: 'collection' | 'field' | 'relation';
	collection: string;
	field?: string;
	description: string;
}

/**
 * The data model: collections, fields and relations, read and changed through the kernel with the
 * caller's accountability (changes are for admins). Offered to trusted extensions: the
 * first-party `/collections`, `/fields`, `/relations`, `/schema` and `/utils` endpoints.
 */
export interface SchemaCapability {
	collections: {
		list(accountability: Accountability): Promise<Json[]>;
		read(accountability: Accountability, collection: string): Promise<Json>;
		create(accountability: Accountability, body: unknown): Promise<Json>;
		update(accountability: Accountability, collection: string, body: unknown): Promise<Json>;
		delete(accountability: Accountability, collection: string): Promise<void>;
	};
	fields: {
		list(accountability: Accountability, collection?: string): Promise<Json[]>;
		read(accountability: Accountability, collection: string, field: string): Promise<Json>;
		create(accountability: Accountability, collection: string, body: unknown): Promise<Json>;
		update(accountability: Accountability, collection: string, field: string, body: unknown): Promise<Json>;
		delete(accountability: Accountability, collection: string, field: string): Promise<void>;
	};
	relations: {
		list(accountability: Accountability, collection?: string): Promise<Json[]>;
		read(accountability: Accountability, collection: string, field: string): Promise<Json>;
		create(accountability: Accountability, body: unknown): Promise<Json>;
		update(accountability: Accountability, collection: string, field: string, body: unknown): Promise<Json>;
		delete(accountability: Accountability, collection: string, field: string): Promise<void>;
	};
	/** The user data model as a portable document: collections, fields and relations, with the version and vendor that took it. */
	snapshot(accountability: Accountability): Promise<Json>;
	/**
	 * What would turn this data model into the snapshot's (any vendor's). A snapshot from a newer
	 * major version is refused unless `force` is set. An empty diff has three empty lists.
	 */
	diff(accountability: Accountability, snapshot: unknown, options?: { force?: boolean }): Promise<SchemaDiffResult>;
	/** Applies a diff computed against the current schema (refused once the schema changed); `dryRun` only lists the steps. */
	apply(accountability: Accountability, diff: unknown, options?: { dryRun?: boolean }): Promise<SchemaApplyStep[]>;
	/** Forgets the cached schema overview (and other caches); the next request rebuilds it. */
	clearCache(accountability: Accountability): Promise<void>;
}
