import type { Knex } from 'knex';
import type { Accountability } from '@mantle/extensions-sdk';
import type { Dialect } from '../../database/dialects/types.js';
import { createError } from '../../errors/index.js';
import type { SchemaStore } from '../schema-store.js';
import type { EventBus } from '../../events/bus.js';
import { backupMetadata, restoreMetadata } from './metadata-backup.js';

export interface SchemaContext {
	knex: Knex;
	dialect: Dialect;
	store: SchemaStore;
	/** Where `collections.create`-style filter and action events go; absent for internal tooling. */
	bus?: EventBus;
}

export type Undo = () => Promise<void>;

/**
 * Runs one schema change: DDL and metadata together. Where the vendor's DDL is transactional the
 * transaction covers everything; where it is not (MySQL, MariaDB commit on every DDL statement),
 * each DDL step registers how to undo it, and a failure runs those undos newest first and puts the
 * metadata tables back as they were. Either way
 * the overview is rebuilt afterwards.
 */
export async function changeSchema<T>(context: SchemaContext, work: (trx: Knex.Transaction, onFailure: (undo: Undo) => void) => Promise<T>): Promise<T> {
	const undos: Undo[] = [];
	const backup = context.dialect.transactionalDdl ? undefined : await backupMetadata(context.knex);
	try {
		return await context.knex.transaction((trx) => work(trx, (undo) => undos.push(undo)));
	} catch (error) {
		if (backup) {
			for (const undo of undos.reverse()) await undo().catch(() => undefined);
			await restoreMetadata(context.knex, backup);
		}
		throw error;
	} finally {
		context.store.invalidate();
	}
}

/** Changing the data model is for admins only. */
export function assertAdmin(accountability: Accountability | null): void {
	if (accountability && !accountability.admin) throw createError('FORBIDDEN');
}

/** Reading it needs a logged-in user with app access (or admin); details of permissions come with access control. */
export function canReadModel(accountability: Accountability | null): boolean {
	return accountability === null || accountability.admin || accountability.app;
}
