import type { Knex } from 'knex';
import { fieldRowRule, type CollectionPermission } from '../../permissions/types.js';
import type { EngineContext } from '../context.js';
import type { CollectionModel } from '../schema-index.js';
import { applyCondition, type SqlScope } from '../sql/apply-condition.js';
import type { Condition } from '../sql/condition.js';
import { compileFilter } from '../sql/compile-filter.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';

/** Fields of one level that share a per-row rule, and the column the rule's outcome is read as. */
export interface VisibilityGroup {
	alias: string;
	fields: string[];
	rule: Condition;
}

/**
 * The per-row rules of the fields a level reads: a field only some of the caller's policies
 * allow is visible on a row only where one of those policies allows the row. The key is always
 * visible, since a row the caller may read at all is read with its key.
 */
export async function visibilityGroups(
	context: EngineContext,
	model: CollectionModel,
	permission: CollectionPermission,
	columns: Iterable<string>,
	variables: DynamicVariables,
): Promise<VisibilityGroup[]> {
	const groups = new Map<string, { fields: string[]; filter: NonNullable<ReturnType<typeof fieldRowRule>> }>();
	for (const column of columns) {
		if (column === model.primary) continue;
		const filter = fieldRowRule(permission, column);
		if (!filter) continue;
		const key = JSON.stringify(filter);
		const group = groups.get(key);
		if (group) group.fields.push(column);
		else groups.set(key, { fields: [column], filter });
	}
	const result: VisibilityGroup[] = [];
	for (const { fields, filter } of groups.values()) {
		result.push({ alias: `__visible_${result.length}`, fields, rule: await compileFilter(context, model, filter, { checkFields: false, variables }) });
	}
	return result;
}

/** `EXISTS (...)`: whether the row `alias` of `model` satisfies `rule`, as an SQL expression. */
export function ruleHoldsSql(scope: SqlScope, model: CollectionModel, alias: string, rule: Condition): { sql: string; bindings: unknown[] } {
	const inner = scope.alias();
	const sub = scope.knex
		.from({ [inner]: model.table })
		.select(scope.knex.raw('1'))
		.whereRaw(`${scope.ref(inner, model.primary)} = ${scope.ref(alias, model.primary)}`);
	applyCondition(sub, rule, inner, scope, model.primary);
	const compiled = sub.toSQL();
	return { sql: `EXISTS (${compiled.sql})`, bindings: [...compiled.bindings] };
}

/** A value that reads as NULL on rows where `rule` does not hold. */
export function visibleValueSql(
	scope: SqlScope,
	model: CollectionModel,
	alias: string,
	rule: Condition,
	value: { sql: string; bindings: unknown[] },
): { sql: string; bindings: unknown[] } {
	const holds = ruleHoldsSql(scope, model, alias, rule);
	return { sql: `CASE WHEN ${holds.sql} THEN ${value.sql} ELSE NULL END`, bindings: [...holds.bindings, ...value.bindings] };
}

/** Selects each group's outcome as 1 or 0 beside the row. */
export function selectVisibility(builder: Knex.QueryBuilder, scope: SqlScope, model: CollectionModel, alias: string, groups: VisibilityGroup[]): void {
	for (const group of groups) {
		const holds = ruleHoldsSql(scope, model, alias, group.rule);
		builder.select(scope.knex.raw(`CASE WHEN ${holds.sql} THEN 1 ELSE 0 END as ??`, [...holds.bindings, group.alias] as Knex.RawBinding[]));
	}
}

/** Nulls each field on the rows where its group's rule does not hold, and drops the outcome columns. */
export function applyVisibility(rows: Array<Record<string, unknown>>, groups: VisibilityGroup[]): void {
	if (groups.length === 0) return;
	for (const row of rows) {
		for (const group of groups) {
			if (Number(row[group.alias]) !== 1) for (const field of group.fields) row[field] = null;
			delete row[group.alias];
		}
	}
}
