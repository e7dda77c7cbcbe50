import type { Knex } from 'knex';
import type { TestDatabase } from './databases.js';
import { dialectFor } from '../../src/database/dialects/index.js';

const clientOf = { sqlite: 'sqlite3', postgres: 'pg', mysql: 'mysql' } as const;

export function listTables(db: TestDatabase): Promise<string[]> {
	return dialectFor(clientOf[db.vendor])
		.listTables(db.knex)
		.then((tables) => tables.sort());
}

/** Every row of every listed table, in a stable order: two equal snapshots mean nothing changed. */
export async function snapshotRows(knex: Knex, tables: string[]): Promise<Record<string, unknown[]>> {
	const snapshot: Record<string, unknown[]> = {};
	for (const table of tables) {
		const rows = await knex(table).select('*');
		snapshot[table] = rows.map((row) => JSON.stringify(row)).sort();
	}
	return snapshot;
}
