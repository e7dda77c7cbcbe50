import type { Filter } from '@mantle/extensions-sdk';

/** Functions on a field: the date parts on date/time fields, `count` on relational fields. */
export const fieldFunctions = ['year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second', 'count'] as const;
export type FieldFunction = (typeof fieldFunctions)[number];

import { aggregateFunctions, type AggregateFunction } from '@mantle/extensions-sdk';

/** One list of aggregate functions, the SDK's: extensions' `Query` and the engine cannot disagree. */
export { aggregateFunctions, type AggregateFunction };

export const exportFormats = ['json', 'csv', 'xml', 'yaml'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export const metaKeys = ['total_count', 'filter_count'] as const;
export type MetaKey = (typeof metaKeys)[number];

/** One list of filter operators, the SDK's: the parser, the value checks and GraphQL read the same one. */
export { filterOperators, type FilterOperator } from '@mantle/extensions-sdk';

/**
 * A query after parsing: the shape the data engine plans from, whether it arrived as bracket
 * query-string parameters, as a SEARCH body or from an extension. Field paths are still names
 * (`author.name`, `year(published_on)`, `item:headings.title`); checking them against the schema
 * and the caller's permissions is the engine's job.
 */
export interface NormalizedQuery {
	fields?: string[];
	filter?: Filter;
	search?: string;
	/** Field paths, `-` prefix for descending. */
	sort?: string[];
	/** `-1` asks for every row (still capped by `QUERY_LIMIT_MAX`). */
	limit?: number;
	offset?: number;
	/** 1-based; turned into an offset with the limit. */
	page?: number;
	aggregate?: Partial<Record<AggregateFunction, string[]>>;
	groupBy?: string[];
	/** Queries of nested relational fields, keyed by field name (`_filter`, `_limit`, ... unwrapped). */
	deep?: Record<string, NormalizedQuery>;
	/** Alias name → field path. */
	alias?: Record<string, string>;
	meta?: MetaKey[];
	export?: ExportFormat;
}
