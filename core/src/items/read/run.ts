import type { Item } from '@mantle/extensions-sdk';
import type { OutputEntry, ReadNode } from '../ast/types.js';
import type { EngineContext } from '../context.js';
import { concealedMask } from '../schema-index.js';
import { SqlScope } from '../sql/apply-condition.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import { rowReader } from '../values/cache.js';
import { prepareRead, type PreparedRead } from './prepare.js';
import { buildSelect, type SelectOptions } from './select.js';

/** Keys per IN list: well under every vendor's bound-parameter limit (MS SQL allows 2100). */
const chunkSize = 1000;

interface LevelResult {
	/** Rows as read, values normalised: the keys children are matched on. */
	rows: Item[];
	/** The returned items, shaped as the fields asked. */
	items: Item[];
}

/**
 * Runs a planned read: one query for the root level, then one query per relational field per
 * level (never one per row), each restricted to the keys the level above returned.
 */
export async function runRead(context: EngineContext, node: ReadNode, variables: DynamicVariables, options: { restrict?: SelectOptions['restrict']; root?: boolean } = {}): Promise<Item[]> {
	const defaults = { limit: options.root === false ? null : context.limits.defaultLimit, sort: defaultSort(node) };
	const prepared = await prepareRead(context, node, variables, defaults);
	return (await runLevel(context, prepared, variables, { restrict: options.restrict })).items;
}

function defaultSort(node: ReadNode, relationSort?: string | null): string[] {
	return [relationSort ?? node.model.sortField ?? node.model.primary];
}

async function runLevel(context: EngineContext, prepared: PreparedRead, variables: DynamicVariables, options: SelectOptions): Promise<LevelResult> {
	const { node } = prepared;
	let raw: Item[];
	if (options.restrict && options.restrict.values.length > chunkSize) {
		raw = [];
		for (let start = 0; start < options.restrict.values.length; start += chunkSize) {
			const restrict = { column: options.restrict.column, values: options.restrict.values.slice(start, start + chunkSize) };
			raw.push(...(await buildSelect(new SqlScope(context.knex, context.dialect), prepared, { ...options, restrict })));
		}
	} else {
		raw = await buildSelect(new SqlScope(context.knex, context.dialect), prepared, options);
	}
	const fields = [...node.columns].map((column) => node.model.fields.get(column)!);
	const read = rowReader(node.model, fields, context.dialect);
	for (const row of raw) read(row);

	const items = raw.map((row) => shape(node.entries, row, node.model.concealed));
	for (const entry of node.entries) {
		if (entry.kind === 'm2o') await attachManyToOne(context, entry, raw, items, variables);
		else if (entry.kind === 'o2m') await attachOneToMany(context, node, entry, raw, items, variables);
		else if (entry.kind === 'm2a') await attachManyToAny(context, entry, raw, items, variables);
	}
	return { rows: raw, items };
}

function shape(entries: OutputEntry[], row: Item, concealed: Set<string>): Item {
	const item: Item = {};
	for (const entry of entries) {
		if (entry.kind === 'column') item[entry.key] = concealed.has(entry.column) && row[entry.column] !== null ? concealedMask : row[entry.column];
		else if (entry.kind === 'function') item[entry.key] = row[entry.key] === null || row[entry.key] === undefined ? null : Number(row[entry.key]);
		else item[entry.key] = null;
	}
	return item;
}

function distinctKeys(rows: Item[], column: string): unknown[] {
	const seen = new Map<string, unknown>();
	for (const row of rows) {
		const value = row[column];
		if (value !== null && value !== undefined) seen.set(String(value), value);
	}
	return [...seen.values()];
}

async function childLevel(context: EngineContext, node: ReadNode, variables: DynamicVariables, restrict: { column: string; values: unknown[] }, sort: string | null, partitionBy?: string): Promise<LevelResult> {
	if (restrict.values.length === 0) return { rows: [], items: [] };
	const prepared = await prepareRead(context, node, variables, { limit: null, sort: defaultSort(node, sort) });
	return runLevel(context, prepared, variables, { restrict, partitionBy });
}

async function attachManyToOne(context: EngineContext, entry: Extract<OutputEntry, { kind: 'm2o' }>, rows: Item[], items: Item[], variables: DynamicVariables) {
	const related = entry.node.model;
	const child = await childLevel(context, entry.node, variables, { column: related.primary, values: distinctKeys(rows, entry.relation.field) }, null);
	const byKey = new Map(child.rows.map((row, index) => [String(row[related.primary]), child.items[index]!]));
	rows.forEach((row, index) => {
		const key = row[entry.relation.field];
		items[index]![entry.key] = key === null || key === undefined ? null : (byKey.get(String(key)) ?? null);
	});
}

async function attachOneToMany(context: EngineContext, parent: ReadNode, entry: Extract<OutputEntry, { kind: 'o2m' }>, rows: Item[], items: Item[], variables: DynamicVariables) {
	const { relatedField, sortField } = entry.relation;
	const child = await childLevel(context, entry.node, variables, { column: relatedField, values: distinctKeys(rows, parent.model.primary) }, sortField, relatedField);
	const primary = entry.node.model.primary;
	const byParent = new Map<string, unknown[]>();
	child.rows.forEach((row, index) => {
		const key = String(row[relatedField]);
		const list = byParent.get(key) ?? [];
		list.push(entry.keysOnly ? row[primary] : child.items[index]);
		byParent.set(key, list);
	});
	rows.forEach((row, index) => {
		items[index]![entry.key] = byParent.get(String(row[parent.model.primary])) ?? [];
	});
}

async function attachManyToAny(context: EngineContext, entry: Extract<OutputEntry, { kind: 'm2a' }>, rows: Item[], items: Item[], variables: DynamicVariables) {
	const { field, collectionField } = entry.relation;
	rows.forEach((row, index) => (items[index]![entry.key] = row[field] ?? null));
	for (const [collection, node] of entry.nodes) {
		const targets = rows.filter((row) => row[collectionField] === collection);
		const child = await childLevel(context, node, variables, { column: node.model.primary, values: distinctKeys(targets, field) }, null);
		const byKey = new Map(child.rows.map((row, index) => [String(row[node.model.primary]), child.items[index]!]));
		rows.forEach((row, index) => {
			if (row[collectionField] === collection && row[field] !== null) items[index]![entry.key] = byKey.get(String(row[field])) ?? null;
		});
	}
}
