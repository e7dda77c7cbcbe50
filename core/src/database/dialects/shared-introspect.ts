import type { ReferentialAction } from '../introspection/types.js';

const referentialActions = new Set<string>(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT']);

/**
 * A foreign key's ON DELETE or ON UPDATE rule as a catalog spells it (`SET NULL`, `set null`,
 * SQL Server's `SET_NULL`); anything else, or none, is NO ACTION.
 */
export function referentialAction(rule: string | null): ReferentialAction {
	const spelled = (rule ?? '').replace(/_/g, ' ').toUpperCase();
	return referentialActions.has(spelled) ? (spelled as ReferentialAction) : 'NO ACTION';
}
