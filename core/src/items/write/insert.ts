import type { Knex } from 'knex';
import type { PrimaryKey } from '@mantle/extensions-sdk';
import type { Dialect } from '../../database/dialects/types.js';

/** Bound values per statement: under SQLite's 32766 and far under PostgreSQL's 65535. */
const maxBindings = 30_000;
const maxRowsPerStatement = 500;

/**
 * Inserts rows and answers their keys in order. Rows are batched into multi-row INSERTs where
 * the vendor hands back every new key; rows with different column sets go in separate
 * statements, since SQLite has no DEFAULT in VALUES and a missing column must keep its default.
 */
export async function insertRows(
	knex: Knex,
	dialect: Dialect,
	table: string,
	primary: string,
	rows: Record<string, unknown>[],
	autoIncrement = false,
): Promise<PrimaryKey[]> {
	const keys = await insertBatches(knex, dialect, table, primary, rows);
	if (autoIncrement && dialect.syncAutoIncrement && rows.some((row) => row[primary] !== undefined)) await dialect.syncAutoIncrement(knex, table, primary);
	return keys;
}

async function insertBatches(knex: Knex, dialect: Dialect, table: string, primary: string, rows: Record<string, unknown>[]): Promise<PrimaryKey[]> {
	if (!dialect.batchReturning) {
		const keys: PrimaryKey[] = [];
		for (const row of rows) {
			const [id] = await knex(table).insert(row);
			keys.push((row[primary] as PrimaryKey | undefined) ?? (id as PrimaryKey));
		}
		return keys;
	}
	const keys = new Array<PrimaryKey>(rows.length);
	const groups = new Map<string, number[]>();
	rows.forEach((row, index) => {
		const signature = Object.keys(row).join('\u0000');
		const group = groups.get(signature);
		if (group) group.push(index);
		else groups.set(signature, [index]);
	});
	for (const indexes of groups.values()) {
		const width = Math.max(1, Object.keys(rows[indexes[0]!]!).length);
		const size = Math.max(1, Math.min(maxRowsPerStatement, Math.floor(maxBindings / width)));
		for (let start = 0; start < indexes.length; start += size) {
			const batch = indexes.slice(start, start + size);
			const statementRows = batch.map((index) => rows[index]!);
			const returned: Array<Record<string, PrimaryKey>> =
				Object.keys(statementRows[0]!).length === 0
					? await Promise.all(statementRows.map(() => knex(table).insert({}).returning(primary))).then((results) =>
							results.map((result) => (result as unknown as Array<Record<string, PrimaryKey>>)[0]!),
						)
					: await knex(table).insert(statementRows).returning(primary);
			batch.forEach((index, offset) => (keys[index] = returned[offset]![primary]!));
		}
	}
	return keys;
}
