import type { FieldFunction, NormalizedQuery } from '../query/types.js';
import type { CollectionPermission } from '../../permissions/types.js';
import type { CollectionModel, ManyToAny, ManyToOne, OneToMany } from '../schema-index.js';

/** One key of a returned item and where its value comes from. */
export type OutputEntry =
	| { kind: 'column'; key: string; column: string }
	/** `year(published_on)` read as `published_on_year`; `count(tags)` as `tags_count`. */
	| { kind: 'function'; key: string; fn: FieldFunction; field: string }
	| { kind: 'm2o'; key: string; relation: ManyToOne; node: ReadNode }
	/** `keysOnly`: the field was asked for without subfields, so it reads as a list of keys. */
	| { kind: 'o2m'; key: string; relation: OneToMany; node: ReadNode; keysOnly: boolean }
	| { kind: 'm2a'; key: string; relation: ManyToAny; nodes: Map<string, ReadNode> };

/**
 * A read of one collection at one level of nesting: the columns to select, the shape of each
 * returned item, the query of this level (the root query, or the `deep` entry of the parent
 * field) and the caller's read permission on the collection.
 */
export interface ReadNode {
	model: CollectionModel;
	columns: Set<string>;
	entries: OutputEntry[];
	query: NormalizedQuery;
	permission: CollectionPermission;
}
