import type { HookMeta, Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { EngineContext } from '../context.js';
import { toConstraintError } from '../values/constraint-errors.js';
import type { CollectionModel } from '../schema-index.js';
import { writeChanges } from '../activity.js';
import { activeTransaction, type ActiveTransaction } from '../transaction-context.js';

export type WriteAction = 'create' | 'update' | 'delete';

/**
 * The three writes, handed to the modules that write related items: nested writes reach create,
 * update and delete through this instead of importing them, so no module imports its caller.
 */
export interface Writer {
	create(context: WriteContext, model: CollectionModel, payloads: Item[]): Promise<PrimaryKey[]>;
	update(context: WriteContext, model: CollectionModel, keys: PrimaryKey[], data: Item): Promise<PrimaryKey[]>;
	remove(context: WriteContext, model: CollectionModel, keys: PrimaryKey[]): Promise<PrimaryKey[]>;
}

/** A write context: inside a transaction, with the actions to emit once it commits. */
export interface WriteContext extends EngineContext {
	afterCommit: Array<() => void>;
	writer: Writer;
}

/**
 * Runs a write in one transaction: everything it does, nested writes, filter hooks, activity
 * and revisions included, commits or rolls back together. A write already inside one joins it.
 * Action events go out only after the commit; vendor constraint errors come back as the
 * catalogue's errors naming the field.
 */
export async function inTransaction<T>(
	context: EngineContext & { writer: Writer },
	model: CollectionModel,
	work: (context: WriteContext) => Promise<T>,
	payload?: unknown,
): Promise<T> {
	const outer = activeTransaction.getStore();
	if (outer) return work({ ...context, knex: outer.trx, afterCommit: outer.afterCommit });
	const afterCommit: Array<() => void> = [];
	let result: T;
	try {
		result = await context.knex.transaction((trx) => {
			const store: ActiveTransaction = { trx, afterCommit, changes: { activity: [], revisions: [] }, checked: new WeakMap(), writes: 0 };
			return activeTransaction.run(store, async () => {
				const done = await work({ ...context, knex: trx, afterCommit });
				await writeChanges(trx, context.dialect, store.changes);
				return done;
			});
		});
	} catch (error) {
		const origin = statementOrigins.get(error as object);
		const translated = await toConstraintError(error, {
			dialect: context.dialect,
			knex: context.knex,
			collection: origin?.collection ?? model.collection,
			schema: context.schema,
			payload: origin ? origin.payload : payload,
		});
		throw translated ?? error;
	}
	for (const emit of afterCommit) emit();
	return result;
}

/**
 * Which collection and payload a failing statement was writing: a nested write fails deep inside
 * another collection's call, and the error must name the field where it failed.
 */
const statementOrigins = new WeakMap<object, { collection: string; payload: unknown }>();

export async function statement<T>(model: CollectionModel, payload: unknown, run: () => Promise<T>): Promise<T> {
	countWrite();
	try {
		return await run();
	} catch (error) {
		if (typeof error === 'object' && error !== null && !statementOrigins.has(error)) statementOrigins.set(error, { collection: model.collection, payload });
		throw error;
	}
}

/** Counts a write statement of the active transaction: row rules checked before it are checked again. */
export function countWrite(): void {
	const active = activeTransaction.getStore();
	if (active) active.writes++;
}

function events(model: CollectionModel, action: string): string[] {
	return [`items.${action}`, `${model.collection}.items.${action}`];
}

/** Whether a filter hook listens to this change: without one, the payload and its meta cannot change. */
export function hasFilterHook(context: EngineContext, model: CollectionModel, action: WriteAction): boolean {
	return context.emitEvents !== false && events(model, action).some((event) => context.bus.hasFilter(event));
}

/** Runs the filter hooks of a change: each may return a new payload or throw to cancel it. */
export async function filterEvent<P>(
	context: EngineContext,
	model: CollectionModel,
	action: WriteAction | 'query' | 'read',
	payload: P,
	meta: Omit<HookMeta, 'event'>,
): Promise<P> {
	if (context.emitEvents === false) return payload;
	let current = payload;
	for (const event of events(model, action)) {
		if (context.bus.hasFilter(event)) current = await context.bus.filter(event, current, { collection: model.collection, ...meta }, context.accountability);
	}
	return current;
}

/** Queues the action hooks of a change to run after its transaction commits. */
export function actionEvent(context: WriteContext, model: CollectionModel, action: WriteAction, meta: Omit<HookMeta, 'event'>): void {
	if (context.emitEvents === false) return;
	for (const event of events(model, action)) {
		if (context.bus.hasAction(event))
			context.afterCommit.push(() => context.bus.action(event, { collection: model.collection, ...meta }, context.accountability));
	}
}

/** `items.read` actions: reads have no transaction to wait for, so they go out at once. */
export function readEvent(context: EngineContext, model: CollectionModel, query: unknown, payload: unknown): void {
	if (context.emitEvents === false) return;
	for (const event of events(model, 'read')) {
		// Read events may fire inside a write; their handlers run later, outside its transaction.
		if (context.bus.hasAction(event))
			activeTransaction.exit(() => context.bus.action(event, { collection: model.collection, query, payload }, context.accountability));
	}
}
