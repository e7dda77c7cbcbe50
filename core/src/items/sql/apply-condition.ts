import type { Knex } from 'knex';
import type { Dialect } from '../../database/dialects/types.js';
import type { MatchMode } from '../../database/dialects/sql-fragments.js';
import { createError } from '../../errors/index.js';
import type { Condition, Target } from './condition.js';

/** Quoted `alias.column` references per knex client: aliases and column names repeat on every request. */
const quotedRefs = new WeakMap<object, Map<string, string>>();

/** Builds one statement: hands out table aliases unique within it and quotes identifiers. */
export class SqlScope {
	private next = 0;

	constructor(
		readonly knex: Knex,
		readonly dialect: Dialect,
	) {}

	alias(): string {
		return `t${this.next++}`;
	}

	ref(alias: string, column: string): string {
		let quoted = quotedRefs.get(this.knex.client);
		if (!quoted) quotedRefs.set(this.knex.client, (quoted = new Map()));
		const key = `${alias}\u0000${column}`;
		let ref = quoted.get(key);
		if (ref === undefined) quoted.set(key, (ref = this.knex.raw('??.??', [alias, column]).toQuery()));
		return ref;
	}
}

const textModes: Record<string, { mode: MatchMode; insensitive: boolean; negate: boolean }> = {};
for (const mode of ['contains', 'starts_with', 'ends_with'] as const) {
	textModes[`_${mode}`] = { mode, insensitive: false, negate: false };
	textModes[`_n${mode}`] = { mode, insensitive: false, negate: true };
	textModes[`_i${mode}`] = { mode, insensitive: true, negate: false };
	textModes[`_ni${mode}`] = { mode, insensitive: true, negate: true };
}
const comparisons: Record<string, string> = { _lt: '<', _lte: '<=', _gt: '>', _gte: '>=' };

/** Values per `IN (...)`: Oracle refuses more in one list. */
const inChunk = 1000;
/** Placeholders one list may take where the vendor binds each value (PostgreSQL caps a statement at 65,535). */
const maxBoundList = 60_000;

/**
 * `x IN (...)` for a list of any length. Numbers are written into the SQL as digits, since a
 * finite JS number prints as nothing but a numeric literal; other long lists go as one parameter
 * where the vendor caps placeholders (`valueList`), else bound in chunks of `inChunk` joined by
 * OR (AND for `_nin`).
 */
function inList(target: { sql: string; bindings: unknown[] }, list: unknown[], negate: boolean, scope: SqlScope): { text: string; values: unknown[] } {
	const literal = list.length > inChunk && list.every((entry) => typeof entry === 'number' && Number.isFinite(entry));
	const asOne = scope.dialect.sql.valueList;
	if (!literal && list.length > inChunk && asOne) {
		const one = asOne(target.sql, list, negate);
		return { text: one.sql, values: [...target.bindings, ...one.bindings] };
	}
	if (!literal && list.length > maxBoundList) throw createError('filterListTooLong', { max: maxBoundList, count: list.length });
	const parts: string[] = [];
	const values: unknown[] = [];
	for (let start = 0; start < list.length; start += inChunk) {
		const chunk = list.slice(start, start + inChunk);
		parts.push(`${target.sql} ${negate ? 'NOT IN' : 'IN'} (${chunk.map((entry) => (literal ? String(entry) : '?')).join(', ')})`);
		values.push(...target.bindings, ...(literal ? [] : chunk));
	}
	return { text: parts.length === 1 ? parts[0]! : `(${parts.join(negate ? ' AND ' : ' OR ')})`, values };
}

/** Adds a compiled condition to a query on the collection whose rows are aliased `alias`. */
export function applyCondition(builder: Knex.QueryBuilder, condition: Condition, alias: string, scope: SqlScope, primary: string): void {
	switch (condition.kind) {
		case 'constant':
			if (!condition.value) builder.whereRaw('1 = 0');
			return;
		case 'and':
			for (const item of condition.items) builder.where((inner) => applyCondition(inner, item, alias, scope, primary));
			return;
		case 'or':
			builder.where((outer) => {
				for (const item of condition.items) outer.orWhere((inner) => applyCondition(inner, item, alias, scope, primary));
			});
			return;
		case 'm2o': {
			const inner = scope.alias();
			const sub = scope.knex.select(`${inner}.${condition.related.primary}`).from({ [inner]: condition.related.table });
			applyCondition(sub, condition.inner, inner, scope, condition.related.primary);
			builder.whereIn(`${alias}.${condition.column}`, sub);
			return;
		}
		case 'o2m': {
			const inner = scope.alias();
			const sub = scope.knex
				.select(`${inner}.${condition.relatedField}`)
				.from({ [inner]: condition.related.table })
				.whereNotNull(`${inner}.${condition.relatedField}`);
			applyCondition(sub, condition.inner, inner, scope, condition.related.primary);
			if (condition.none) builder.whereNotIn(`${alias}.${primary}`, sub);
			else builder.whereIn(`${alias}.${primary}`, sub);
			return;
		}
		case 'operator':
			applyOperator(builder, targetSql(condition.target, alias, scope, primary), condition, scope);
	}
}

/** The SQL of what an operator compares, with its bindings. */
export function targetSql(target: Target, alias: string, scope: SqlScope, primary: string): { sql: string; bindings: unknown[] } {
	if (target.kind === 'column') return { sql: scope.ref(alias, target.column), bindings: [] };
	if (target.kind === 'function') return { sql: scope.dialect.sql.datePart(target.fn, scope.ref(alias, target.column)), bindings: [] };
	const inner = scope.alias();
	const sub = scope.knex
		.count('*')
		.from({ [inner]: target.related.table })
		.whereRaw(`${scope.ref(inner, target.relation.relatedField)} = ${scope.ref(alias, primary)}`);
	applyCondition(sub, target.rule, inner, scope, target.related.primary);
	const compiled = sub.toSQL();
	return { sql: `(${compiled.sql})`, bindings: [...compiled.bindings] };
}

function applyOperator(
	builder: Knex.QueryBuilder,
	target: { sql: string; bindings: unknown[] },
	condition: Extract<Condition, { kind: 'operator' }>,
	scope: SqlScope,
): void {
	const { sql, bindings } = target;
	const { operator, value } = condition;
	const raw = (text: string, values: unknown[] = []) => builder.whereRaw(text, [...bindings, ...values] as Knex.RawBinding[]);
	const nullCheck = (isNull: boolean) => raw(`${sql} IS ${isNull ? '' : 'NOT '}NULL`);

	if (operator === '_eq') return void (value === null ? nullCheck(true) : raw(`${sql} = ?`, [value]));
	if (operator === '_neq') return void (value === null ? nullCheck(false) : raw(`${sql} <> ?`, [value]));
	if (operator === '_ieq' || operator === '_nieq') return void raw(`LOWER(${sql}) ${operator === '_ieq' ? '=' : '<>'} ?`, [String(value).toLowerCase()]);
	if (comparisons[operator]) return void raw(`${sql} ${comparisons[operator]} ?`, [value]);
	if (operator === '_null' || operator === '_nnull') return void nullCheck((operator === '_null') === value);
	if (operator === '_empty' || operator === '_nempty') {
		const empty = (operator === '_empty') === value;
		if (!condition.stringType) return void nullCheck(empty);
		return void raw(empty ? `(${sql} IS NULL OR ${sql} = '')` : `(${sql} IS NOT NULL AND ${sql} <> '')`);
	}
	if (operator === '_in' || operator === '_nin') {
		const list = value as unknown[];
		if (list.length === 0) return void (operator === '_in' ? builder.whereRaw('1 = 0') : undefined);
		const { text, values } = inList(target, list, operator === '_nin', scope);
		return void builder.whereRaw(text, values as Knex.RawBinding[]);
	}
	if (operator === '_between' || operator === '_nbetween') {
		return void raw(`${sql} ${operator === '_between' ? 'BETWEEN' : 'NOT BETWEEN'} ? AND ?`, value as unknown[]);
	}
	const text = textModes[operator];
	if (!text) return;
	if (value === null) return void nullCheck(!text.negate);
	const match = scope.dialect.sql.match(sql, text.mode, text.insensitive, String(value));
	raw(text.negate ? `NOT (${match.sql})` : match.sql, match.bindings);
}
