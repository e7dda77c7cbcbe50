/**
 * The filter operators of the query language, in the groups the engine treats alike. One list,
 * here: the engine's parser and value checks and the GraphQL filter types read it, so a new
 * operator is added once.
 */
export const comparisonFilterOperators = ['_eq', '_neq', '_ieq', '_nieq', '_lt', '_lte', '_gt', '_gte'] as const;
/** Operators whose value is a list (`_between` of two bounds). */
export const listFilterOperators = ['_in', '_nin', '_between', '_nbetween'] as const;
/** Operators whose value is only `true` or `false`: whether the field is null or empty. */
export const flagFilterOperators = ['_null', '_nnull', '_empty', '_nempty'] as const;
/** Operators on text, case-sensitive or not (`i`), negated or not (`n`). */
export const textFilterOperators = [
	'_contains',
	'_ncontains',
	'_icontains',
	'_nicontains',
	'_starts_with',
	'_nstarts_with',
	'_istarts_with',
	'_nistarts_with',
	'_ends_with',
	'_nends_with',
	'_iends_with',
	'_niends_with',
] as const;

export const filterOperators = [...comparisonFilterOperators, ...listFilterOperators, ...flagFilterOperators, ...textFilterOperators] as const;
export type FilterOperator = (typeof filterOperators)[number];
