import type { Knex } from 'knex';
import type { Item } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { canRead, forbiddenField, readPermission } from '../ast/permission-fields.js';
import type { EngineContext } from '../context.js';
import { parseFunctionField } from '../query/parse.js';
import { checkDateFunction, checkExtremeAggregate } from '../sql/operator-types.js';
import type { AggregateFunction, NormalizedQuery } from '../query/types.js';
import { collectionModel, type CollectionModel } from '../schema-index.js';
import { applyCondition, SqlScope, targetSql } from '../sql/apply-condition.js';
import { and } from '../sql/condition.js';
import { compileFilter } from '../sql/compile-filter.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import { searchCondition } from '../sql/search.js';
import type { FieldInfo } from '../../schema/types.js';
import { rowReader } from '../values/cache.js';
import { fieldRowRule } from '../../permissions/types.js';
import { writtenIntoSql } from './select.js';
import { visibleValueSql } from './visibility.js';
import { readBuilt } from '../plan/statement.js';

const sqlOf: Record<AggregateFunction, (column: string) => string> = {
	count: (c) => `COUNT(${c})`,
	countDistinct: (c) => `COUNT(DISTINCT ${c})`,
	countAll: () => 'COUNT(*)',
	sum: (c) => `SUM(${c})`,
	sumDistinct: (c) => `SUM(DISTINCT ${c})`,
	avg: (c) => `AVG(${c})`,
	avgDistinct: (c) => `AVG(DISTINCT ${c})`,
	min: (c) => `MIN(${c})`,
	max: (c) => `MAX(${c})`,
};
const numericOnly = new Set<AggregateFunction>(['sum', 'sumDistinct', 'avg', 'avgDistinct']);
const numericTypes = new Set(['integer', 'bigInteger', 'float', 'decimal']);

interface Measure {
	fn: AggregateFunction;
	field: string;
	alias: string;
	info: FieldInfo | null;
}

/**
 * `aggregate` with optional `groupBy`: one grouped query. Aggregated and grouped fields must be
 * readable; the caller's row rule, the filter and the search narrow the rows first, so counts
 * and sums never include rows the caller can't see.
 */
export async function runAggregate(context: EngineContext, collection: string, query: NormalizedQuery, variables: DynamicVariables): Promise<Item[]> {
	const model = collectionModel(context.schema, collection);
	const permission = await readPermission(context, collection);
	const scope = new SqlScope(context.knex, context.dialect);
	const alias = scope.alias();
	const builder = context.knex.from({ [alias]: model.table });

	const measures = measuresOf(model, permission, query);
	// A field visible only on some rows (several policies) counts only there, as null elsewhere.
	const visible = async (field: string, value: { sql: string; bindings: unknown[] }) => {
		const hiddenOn = field === model.primary ? null : fieldRowRule(permission, field);
		if (!hiddenOn) return value;
		return visibleValueSql(scope, model, alias, await compileFilter(context, model, hiddenOn, { checkFields: false, variables }), value);
	};
	for (const measure of measures) {
		const column = measure.field === '*' ? { sql: '*', bindings: [] } : await visible(measure.field, { sql: scope.ref(alias, measure.field), bindings: [] });
		builder.select(context.knex.raw(`${sqlOf[measure.fn](column.sql)} as ??`, [...column.bindings, measure.alias] as Knex.RawBinding[]));
	}
	const groups = (query.groupBy ?? []).map((path, index) => {
		const fn = parseFunctionField(path);
		const fieldName = fn?.field ?? path;
		const info = model.fields.get(fieldName);
		if (!info?.schema || !canRead(permission, fieldName) || model.concealed.has(fieldName)) throw forbiddenField(collection, fieldName);
		const target = fn
			? { kind: 'function' as const, fn: fn.fn as Exclude<typeof fn.fn, 'count'>, column: fieldName }
			: { kind: 'column' as const, column: fieldName };
		if (fn?.fn === 'count') throw createError('groupByRefused', { path });
		if (fn) checkDateFunction(fn.fn, fieldName, info.type);
		return { key: fn ? `${fieldName}_${fn.fn}` : fieldName, field: fieldName, target, alias: `group_${index}`, info: fn ? null : info };
	});
	for (const group of groups) {
		const value = await visible(group.field, targetSql(group.target, alias, scope, model.primary));
		builder.select(context.knex.raw(`${value.sql} as ??`, [...value.bindings, group.alias] as Knex.RawBinding[]));
		// An expression with bound values is grouped by its output name, which every vendor matches exactly.
		if (value.bindings.length > 0) builder.groupBy(group.alias);
		else builder.groupByRaw(value.sql);
	}

	const rule = permission.filter ? await compileFilter(context, model, permission.filter, { checkFields: false, variables }) : null;
	const filter = await compileFilter(context, model, query.filter, { checkFields: true, variables }, permission);
	const search = query.search ? searchCondition(context, model, permission, query.search) : null;
	applyCondition(builder, and(rule, filter, search), alias, scope, model.primary);
	applyGroupOrder(builder, query, groups, measures);
	const limit = query.limit === undefined ? context.limits.defaultLimit : query.limit;
	if (groups.length > 0 && limit !== -1) builder.limit(limit, writtenIntoSql(limit));
	if (groups.length > 0 && (query.offset || query.page)) {
		const offset = query.offset ?? (query.page! - 1) * limit;
		builder.offset(offset, writtenIntoSql(offset));
	}

	const rows: Item[] = await readBuilt(context, builder);
	return rows.map((row) => {
		const item: Item = {};
		for (const group of groups) item[group.key] = group.info ? readAs(context, group.info, row[group.alias]) : toNumber(row[group.alias]);
		for (const measure of measures) {
			const value =
				(measure.fn === 'min' || measure.fn === 'max') && measure.info
					? readAs(context, measure.info, row[measure.alias])
					: measureValue(measure, row[measure.alias]);
			if (measure.field === '*') item[measure.fn] = value;
			else item[measure.fn] = { ...((item[measure.fn] as Item | undefined) ?? {}), [measure.field]: value };
		}
		return item;
	});
}

function measuresOf(model: CollectionModel, permission: Awaited<ReturnType<typeof readPermission>>, query: NormalizedQuery): Measure[] {
	const measures: Measure[] = [];
	for (const [fn, fields] of Object.entries(query.aggregate ?? {}) as Array<[AggregateFunction, string[]]>) {
		for (const field of fn === 'countAll' ? ['*'] : fields) {
			if (field === '*' && (fn === 'count' || fn === 'countAll')) {
				measures.push({ fn, field: '*', alias: `${fn}__all`, info: null });
				continue;
			}
			const info = model.fields.get(field);
			if (!info?.schema || !canRead(permission, field) || model.concealed.has(field)) throw forbiddenField(model.collection, field);
			if (numericOnly.has(fn) && !numericTypes.has(info.type)) throw createError('aggregateNeedsNumber', { fn, field, type: info.type });
			checkExtremeAggregate(fn, field, info.type);
			measures.push({ fn, field, alias: `${fn}__${measures.length}`, info });
		}
	}
	return measures;
}

/** Groups come back in the order of `sort` (group keys or aggregates like `-count`), else by the group keys. */
function applyGroupOrder(builder: Knex.QueryBuilder, query: NormalizedQuery, groups: Array<{ key: string; alias: string }>, measures: Measure[]): void {
	const sort = query.sort ?? groups.map((group) => group.key);
	for (const entry of sort) {
		const descending = entry.startsWith('-');
		const name = descending ? entry.slice(1) : entry;
		const group = groups.find((candidate) => candidate.key === name);
		const measure = measures.find((candidate) => (candidate.field === '*' ? candidate.fn : `${candidate.fn}.${candidate.field}`) === name);
		const alias = group?.alias ?? measure?.alias;
		if (!alias) throw createError('groupSortRefused', { name });
		builder.orderBy(alias, descending ? 'desc' : 'asc');
	}
}

function toNumber(value: unknown): unknown {
	return value === null || value === undefined ? null : Number(value);
}

function measureValue(measure: Measure, value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (measure.fn.startsWith('count')) return Number(value);
	if (measure.fn.startsWith('avg')) return Number(value);
	const type = measure.info?.type;
	if (type === 'decimal' || type === 'bigInteger') {
		const text = String(value);
		return type === 'bigInteger' && Number.isSafeInteger(Number(text)) ? Number(text) : text;
	}
	if (type === 'integer' || type === 'float') return Number(value);
	return value;
}

/** A grouped value or a min/max reads like the field itself reads (booleans, dates, decimals ...). */
function readAs(context: EngineContext, info: FieldInfo, value: unknown): unknown {
	const row: Item = { [info.field]: value };
	rowReader(info, [info], context.dialect)(row);
	return row[info.field];
}
