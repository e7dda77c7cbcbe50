import type { FieldFunction, FilterOperator } from '../query/types.js';
import type { CollectionModel, OneToMany } from '../schema-index.js';

/** What an operator compares: a column, a date part of one, or the size of a one-to-many list. */
export type Target =
	| { kind: 'column'; column: string }
	| { kind: 'function'; fn: Exclude<FieldFunction, 'count'>; column: string }
	| { kind: 'count'; relation: OneToMany; related: CollectionModel; rule: Condition };

/**
 * A filter after checking and resolving: names are known columns, values are coerced to their
 * field's type and dynamic variables are replaced. Relational conditions carry the related
 * collection's own row rule inside, so a relation never reaches rows its reader may not see.
 */
export type Condition =
	| { kind: 'and' | 'or'; items: Condition[] }
	| { kind: 'operator'; target: Target; operator: FilterOperator; value: unknown; stringType: boolean }
	| { kind: 'm2o'; column: string; related: CollectionModel; inner: Condition }
	| { kind: 'o2m'; related: CollectionModel; relatedField: string; inner: Condition; none: boolean }
	| { kind: 'constant'; value: boolean };

export const alwaysTrue: Condition = { kind: 'constant', value: true };

export function and(...items: Array<Condition | null | undefined>): Condition {
	const present = items.filter((item): item is Condition => Boolean(item) && !(item!.kind === 'constant' && item!.value));
	if (present.some((item) => item.kind === 'constant' && !item.value)) return { kind: 'constant', value: false };
	if (present.length === 0) return alwaysTrue;
	return present.length === 1 ? present[0]! : { kind: 'and', items: present };
}
