import type { Knex } from 'knex';

const metadataTables = ['mantle_collections', 'mantle_fields', 'mantle_relations'] as const;

export type MetadataBackup = Record<(typeof metadataTables)[number], Record<string, unknown>[]>;

/**
 * Where DDL commits on its own (MySQL, MariaDB, Oracle), metadata written in the same change is
 * committed with it and no rollback can take it back. These tables are small, so a change on such
 * a vendor copies them first and puts them back if the change fails.
 */
export async function backupMetadata(knex: Knex): Promise<MetadataBackup> {
	const [collections, fields, relations] = await Promise.all(metadataTables.map((table) => knex(table).select('*')));
	return { mantle_collections: collections!, mantle_fields: fields!, mantle_relations: relations! };
}

export async function restoreMetadata(knex: Knex, backup: MetadataBackup): Promise<void> {
	await knex.transaction(async (trx) => {
		for (const table of metadataTables) await trx(table).delete();
		await insertCollectionsParentsFirst(trx, backup.mantle_collections);
		for (const table of ['mantle_fields', 'mantle_relations'] as const) {
			if (backup[table].length) await trx.batchInsert(table, backup[table], 200);
		}
	});
}

/** `group` points at another collection row, so a row goes in only after the one it names. */
async function insertCollectionsParentsFirst(trx: Knex.Transaction, rows: Record<string, unknown>[]): Promise<void> {
	const inserted = new Set<unknown>();
	let pending = rows;
	while (pending.length) {
		const ready = pending.filter((row) => row.group === null || row.group === undefined || inserted.has(row.group));
		// A cycle cannot be put back in order; the rows go in without their group rather than not at all.
		const batch: Record<string, unknown>[] = ready.length ? ready : pending.map((row) => ({ ...row, group: null }));
		await trx('mantle_collections').insert(batch);
		for (const row of batch) inserted.add(row.collection);
		pending = pending.filter((row) => !inserted.has(row.collection));
	}
}
