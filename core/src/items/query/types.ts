import type { Query } from '@mantle/extensions-sdk';

/** Functions on a field: the date parts on date/time fields, `count` on relational fields. */
export const fieldFunctions = ['year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second', 'count'] as const;
export type FieldFunction = (typeof fieldFunctions)[number];

/**
 * One spelling of a query, the SDK's: extensions' `Query` and the engine cannot disagree on its
 * members, its aggregate functions, export formats or meta keys.
 */
export { aggregateFunctions, exportFormats, metaKeys, type AggregateFunction, type ExportFormat, type MetaKey } from '@mantle/extensions-sdk';

/** One list of filter operators, the SDK's: the parser, the value checks and GraphQL read the same one. */
export { filterOperators, type FilterOperator } from '@mantle/extensions-sdk';

/**
 * A query after parsing: the shape the data engine plans from, whether it arrived as bracket
 * query-string parameters, as a SEARCH body or from an extension. Checking its field paths
 * against the schema and the caller's permissions is the engine's job.
 */
export type NormalizedQuery = Query;
