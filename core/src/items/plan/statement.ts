import knexModule, { type Knex } from 'knex';
import type { DirectReader } from '../../database/dialects/types.js';

/** Stands, in a statement compiled once, for one of the keys each run restricts the rows to. */
class Slot {
	constructor(readonly index: number) {}
}

/** A SELECT compiled once: the driver's SQL text, and where in its bindings each run's keys go. */
export interface StatementTemplate {
	compiled: { method: string; sql: string; bindings: readonly unknown[]; options: unknown };
	slots: number[];
}

/** `count` stand-ins for the restricting keys, to build a statement with before compiling it. */
export function slots(count: number): unknown[] {
	return Array.from({ length: count }, (_value, index) => new Slot(index));
}

/** Compiles a builder whose restricting keys are `slots(...)`: knex's work is done here, once. */
export function compileTemplate(builder: Knex.QueryBuilder): StatementTemplate {
	const { method, sql, bindings, options } = builder.toSQL();
	const positions: number[] = [];
	bindings.forEach((binding, position) => {
		if (binding instanceof Slot) positions[binding.index] = position;
	});
	return { compiled: { method, sql, bindings, options }, slots: positions };
}

/**
 * Runs a compiled statement with this run's keys. It goes through a query builder all the same
 * (its `toSQL` answering the compiled text), so the connection, the transaction in progress, the
 * driver's row format and error handling are what every other query gets.
 */
export function runTemplate(knex: Knex, template: StatementTemplate, keys: readonly unknown[]): Knex.QueryBuilder {
	const bindings = bindingsOf(template, keys);
	const builder = knex.queryBuilder();
	const compiled = { ...template.compiled, bindings };
	builder.toSQL = (() => compiled) as unknown as Knex.QueryBuilder['toSQL'];
	return builder;
}

/**
 * Runs a compiled statement on the driver directly (see `Dialect.directReader`), skipping knex's
 * runner. A statement the driver refuses is run through knex after all, so any error is the one
 * every other query gives. Listeners of knex's `query` event (query logs, tests counting
 * statements) still hear of each one.
 */
export function runTemplateDirect(reader: DirectReader, knex: Knex, template: StatementTemplate, keys: readonly unknown[]): Rows | PromiseLike<Rows> {
	const bindings = bindingsOf(template, keys);
	return runDirect(reader, knex, { ...template.compiled, bindings }, () => runTemplate(knex, template, keys) as PromiseLike<Rows>);
}

/**
 * A SELECT built for one run (an aggregate, say), read as `runTemplateDirect` reads outside a
 * transaction; inside one, or with no direct reader, through knex on the transaction's connection.
 */
export function readBuilt(context: { reader?: DirectReader; knex: Knex }, builder: Knex.QueryBuilder): Rows | PromiseLike<Rows> {
	if (!context.reader || context.knex.isTransaction) return builder as PromiseLike<Rows>;
	const { method, sql, bindings, options } = builder.toSQL();
	if (method !== 'select') return builder as PromiseLike<Rows>;
	return runDirect(context.reader, context.knex, { method, sql, bindings, options }, () => builder as PromiseLike<Rows>);
}

function runDirect(reader: DirectReader, knex: Knex, compiled: StatementTemplate['compiled'], throughKnex: () => PromiseLike<Rows>): Rows | PromiseLike<Rows> {
	if (knex.listenerCount('query') > 0) knex.emit('query', { ...compiled, direct: true });
	// A full pool is not the statement's fault: knex would wait for a connection as long again and fail alike.
	const fallBack = (error: unknown) => (error instanceof knexModule.KnexTimeoutError ? Promise.reject(error) : throughKnex());
	try {
		const rows = reader.select(compiled.sql, compiled.bindings);
		return rows instanceof Promise ? rows.catch(fallBack) : rows;
	} catch (error) {
		return fallBack(error);
	}
}

type Rows = Record<string, unknown>[];

function bindingsOf(template: StatementTemplate, keys: readonly unknown[]): unknown[] {
	const bindings = [...template.compiled.bindings];
	for (let index = 0; index < template.slots.length; index++) bindings[template.slots[index]!] = keys[index];
	return bindings;
}
