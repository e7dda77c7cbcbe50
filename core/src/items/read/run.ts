import type { Item } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import type { OutputEntry, ReadNode } from '../ast/types.js';
import type { EngineContext } from '../context.js';
import { SqlScope } from '../sql/apply-condition.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import { rowReader } from '../values/cache.js';
import type { LevelPlan, ReadPlan } from '../plan/plan.js';
import { compileShaper } from '../plan/shaper.js';
import { compileTemplate, runTemplate, runTemplateDirect, slots } from '../plan/statement.js';
import { prepareRead } from './prepare.js';
import { guardLogRows } from './log-guard.js';
import { buildSelect, type SelectOptions } from './select.js';
import { applyVisibility } from './visibility.js';

/** Keys per IN list: well under every vendor's bound-parameter limit (MS SQL allows 2100). */
const chunkSize = 1000;

/**
 * Objects a response may hold beyond the rows read: a related item shown under many parents is
 * copied for each (no subtree is shared, so the output is what it looks like), and the copies are
 * counted. A query whose output would blow up (`author.articles.author.articles...` over many
 * rows) is refused before the copies are made.
 */
const maxCopiedObjects = 1_000_000;

/** The copies one read has made so far, and the size of each subtree, counted once. */
class OutputBudget {
	private left = maxCopiedObjects;
	private readonly sizes = new WeakMap<object, number>();
	private readonly placed = new WeakSet<object>();

	/** The item itself the first time it is placed, a copy of it every later time. */
	place(item: Item): Item {
		if (!this.placed.has(item)) {
			this.placed.add(item);
			return item;
		}
		this.left -= this.size(item);
		if (this.left < 0) throw createError('responseTooLarge');
		return copy(item) as Item;
	}

	private size(value: unknown): number {
		if (typeof value !== 'object' || value === null || !(Array.isArray(value) || isPlain(value))) return 0;
		const known = this.sizes.get(value);
		if (known !== undefined) return known;
		let size = 1;
		for (const child of Array.isArray(value) ? value : Object.values(value)) size += this.size(child);
		this.sizes.set(value, size);
		return size;
	}
}

function isPlain(value: object): boolean {
	const prototype = Object.getPrototypeOf(value);
	return prototype === Object.prototype || prototype === null;
}

function copy(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(copy);
	if (typeof value === 'object' && value !== null && isPlain(value)) {
		const result: Record<string, unknown> = {};
		for (const [key, child] of Object.entries(value)) result[key] = copy(child);
		return result;
	}
	return value;
}

/** What every level of one read shares: where it runs, the plan it fills, and the output's copy budget. */
interface ReadRun {
	context: EngineContext;
	plan: ReadPlan | undefined;
	variables: DynamicVariables;
	budget: OutputBudget;
}

interface LevelResult {
	/** Rows as read, values normalised: the keys children are matched on. */
	rows: Item[];
	/** The returned items, shaped as the fields asked. */
	items: Item[];
}

/**
 * Runs a planned read: one query for the root level, then one query per relational field per
 * level (never one per row), each restricted to the keys the level above returned. With a
 * `plan`, each level is prepared and each statement compiled only the first time; later runs of
 * the plan reuse them.
 */
export async function runRead(
	context: EngineContext,
	node: ReadNode,
	variables: DynamicVariables,
	options: { restrict?: SelectOptions['restrict']; root?: boolean; plan?: ReadPlan } = {},
): Promise<Item[]> {
	const defaults = { limit: options.root === false ? null : context.limits.defaultLimit, sort: defaultSort(node) };
	const level = await planLevel(context, options.plan, node, variables, defaults);
	const run: ReadRun = { context, plan: options.plan, variables, budget: new OutputBudget() };
	return (await runLevel(run, level, { restrict: options.restrict })).items;
}

function defaultSort(node: ReadNode, relationSort?: string | null): string[] {
	return [relationSort ?? node.model.sortField ?? node.model.primary];
}

/** A level as the plan holds it, prepared now when the plan does not have it yet (or there is no plan). */
async function planLevel(
	context: EngineContext,
	plan: ReadPlan | undefined,
	node: ReadNode,
	variables: DynamicVariables,
	defaults: { limit: number | null; sort: string[] },
): Promise<LevelPlan> {
	const known = plan?.levels.get(node);
	if (known) return known;
	const prepared = await prepareRead(plan ? plan.recording(context) : context, node, variables, defaults);
	const fields = [...node.columns].map((column) => node.model.fields.get(column)!);
	const level: LevelPlan = {
		prepared,
		statements: new Map(),
		read: rowReader(node.model, fields, context.dialect),
		shape: compileShaper(node.entries, node.model.concealed),
	};
	if (plan?.admits(variables)) plan.levels.set(node, level);
	else if (plan) plan.stale = true;
	return level;
}

/**
 * Keys one statement of a plan is compiled for: the count rounded up to a power of two, the
 * rest of the list filled with the last key (`IN (1, 2, 2)` selects what `IN (1, 2)` does), so
 * a level holds a handful of statements whatever the number of parent rows.
 */
function slotCount(count: number): number {
	return count <= 1 ? count : 2 ** Math.ceil(Math.log2(count));
}

function select(context: EngineContext, level: LevelPlan, plan: ReadPlan | undefined, options: SelectOptions): Item[] | PromiseLike<Item[]> {
	if (!plan) return buildSelect(new SqlScope(context.knex, context.dialect), level.prepared, options);
	const keys = options.restrict?.values ?? [];
	const count = slotCount(keys.length);
	let template = level.statements.get(count);
	if (!template) {
		const restrict = options.restrict && { column: options.restrict.column, values: slots(count) };
		template = compileTemplate(buildSelect(new SqlScope(context.knex, context.dialect), level.prepared, { ...options, restrict }));
		level.statements.set(count, template);
	}
	const padded = keys.length === count ? keys : [...keys, ...Array.from({ length: count - keys.length }, () => keys.at(-1))];
	// A write transaction must read through its own connection: only there are its rows visible.
	if (context.reader && !context.knex.isTransaction) return runTemplateDirect(context.reader, context.knex, template, padded);
	return runTemplate(context.knex, template, padded);
}

async function runLevel(run: ReadRun, level: LevelPlan, options: SelectOptions): Promise<LevelResult> {
	const { context, plan, variables } = run;
	const { node } = level.prepared;
	let raw: Item[];
	if (options.restrict && options.restrict.values.length > chunkSize) {
		raw = [];
		for (let start = 0; start < options.restrict.values.length; start += chunkSize) {
			const restrict = { column: options.restrict.column, values: options.restrict.values.slice(start, start + chunkSize) };
			raw.push(...(await select(context, level, plan, { ...options, restrict })));
		}
	} else {
		raw = await select(context, level, plan, options);
	}
	for (const row of raw) level.read(row);
	applyVisibility(raw, level.prepared.visibility);
	raw = await guardLogRows(context, node, raw, variables);

	const items = raw.map(level.shape);
	for (const entry of node.entries) {
		if (entry.kind === 'm2o') await attachManyToOne(run, entry, raw, items);
		else if (entry.kind === 'o2m') await attachOneToMany(run, node, entry, raw, items);
		else if (entry.kind === 'm2a') await attachManyToAny(run, entry, raw, items);
	}
	return { rows: raw, items };
}

function distinctKeys(rows: Item[], column: string): unknown[] {
	const seen = new Map<string, unknown>();
	for (const row of rows) {
		const value = row[column];
		if (value !== null && value !== undefined) seen.set(String(value), value);
	}
	return [...seen.values()];
}

async function childLevel(
	run: ReadRun,
	node: ReadNode,
	restrict: { column: string; values: unknown[] },
	sort: string | null,
	partitionBy?: string,
): Promise<LevelResult> {
	if (restrict.values.length === 0) return { rows: [], items: [] };
	const level = await planLevel(run.context, run.plan, node, run.variables, { limit: null, sort: defaultSort(node, sort) });
	return runLevel(run, level, { restrict, partitionBy });
}

async function attachManyToOne(run: ReadRun, entry: Extract<OutputEntry, { kind: 'm2o' }>, rows: Item[], items: Item[]) {
	const related = entry.node.model;
	const child = await childLevel(run, entry.node, { column: related.primary, values: distinctKeys(rows, entry.relation.field) }, null);
	const byKey = new Map(child.rows.map((row, index) => [String(row[related.primary]), child.items[index]!]));
	rows.forEach((row, index) => {
		const key = row[entry.relation.field];
		const found = key === null || key === undefined ? undefined : byKey.get(String(key));
		items[index]![entry.key] = found ? run.budget.place(found) : null;
	});
}

async function attachOneToMany(run: ReadRun, parent: ReadNode, entry: Extract<OutputEntry, { kind: 'o2m' }>, rows: Item[], items: Item[]) {
	const { relatedField, sortField } = entry.relation;
	const child = await childLevel(run, entry.node, { column: relatedField, values: distinctKeys(rows, parent.model.primary) }, sortField, relatedField);
	const primary = entry.node.model.primary;
	const byParent = new Map<string, unknown[]>();
	child.rows.forEach((row, index) => {
		const key = String(row[relatedField]);
		const list = byParent.get(key) ?? [];
		list.push(entry.keysOnly ? row[primary] : run.budget.place(child.items[index]!));
		byParent.set(key, list);
	});
	rows.forEach((row, index) => {
		// A list the caller may not see on this row (several policies) reads as null, like any hidden field.
		const hidden = Object.hasOwn(row, entry.relation.field) && row[entry.relation.field] === null;
		items[index]![entry.key] = hidden ? null : (byParent.get(String(row[parent.model.primary])) ?? []);
	});
}

async function attachManyToAny(run: ReadRun, entry: Extract<OutputEntry, { kind: 'm2a' }>, rows: Item[], items: Item[]) {
	const { field, collectionField } = entry.relation;
	rows.forEach((row, index) => (items[index]![entry.key] = row[field] ?? null));
	for (const [collection, node] of entry.nodes) {
		const targets = rows.filter((row) => row[collectionField] === collection);
		const child = await childLevel(run, node, { column: node.model.primary, values: distinctKeys(targets, field) }, null);
		const byKey = new Map(child.rows.map((row, index) => [String(row[node.model.primary]), child.items[index]!]));
		rows.forEach((row, index) => {
			if (row[collectionField] !== collection || row[field] === null) return;
			const found = byKey.get(String(row[field]));
			items[index]![entry.key] = found ? run.budget.place(found) : null;
		});
	}
}
