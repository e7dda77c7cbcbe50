import test from 'ava';
import createKnex, { type Knex } from 'knex';
import type { DirectReader } from '../src/database/dialects/types.js';
import { compileTemplate, runTemplate, runTemplateDirect, slots } from '../src/items/plan/statement.js';

// A planned read runs on the driver directly; when the driver refuses it, it runs through knex
// after all, so the caller gets knex's rows or knex's own error, exactly as without the reader.

/** Runs `body` with knex on an in-memory SQLite database holding two notes. */
async function withNotes(body: (knex: Knex) => Promise<void>): Promise<void> {
	const knex = createKnex({ client: 'better-sqlite3', connection: { filename: ':memory:' }, useNullAsDefault: true });
	try {
		await knex.schema.createTable('notes', (table) => {
			table.increments('id');
			table.string('title');
		});
		await knex('notes').insert([{ title: 'first' }, { title: 'second' }]);
		await body(knex);
	} finally {
		await knex.destroy();
	}
}

/** A statement reading `columns` of the note with one key, compiled as a plan compiles it. */
function notesByKey(knex: Knex, ...columns: string[]) {
	return compileTemplate(
		knex('notes')
			.select(columns)
			.whereIn('id', slots(1) as number[]),
	);
}

const refusing: DirectReader = {
	select() {
		throw new Error('refused by the driver');
	},
	close() {},
};
const rejecting: DirectReader = {
	select: () => Promise.reject(new Error('refused by the driver')),
	close() {},
};

test("a read the driver refuses answers knex's rows, whether it throws or rejects", (t) =>
	withNotes(async (knex) => {
		const template = notesByKey(knex, 'id', 'title');
		t.deepEqual(await runTemplateDirect(refusing, knex, template, [2]), [{ id: 2, title: 'second' }]);
		t.deepEqual(await runTemplateDirect(rejecting, knex, template, [2]), [{ id: 2, title: 'second' }]);
	}));

test('a statement that fails answers the error knex gives for it', (t) =>
	withNotes(async (knex) => {
		const template = notesByKey(knex, 'missing_column');
		// better-sqlite3's error is not an Error of this realm for ava, hence `any`.
		const throughKnex = (await t.throwsAsync(async () => runTemplate(knex, template, [1]), { any: true })) as Error;
		t.regex(throughKnex.message, /missing_column/);
		for (const reader of [refusing, rejecting]) {
			const direct = (await t.throwsAsync(async () => runTemplateDirect(reader, knex, template, [1]), { any: true })) as Error;
			t.is(direct.message, throughKnex.message);
		}
	}));

test("knex's query listeners hear of a statement the driver ran directly", (t) =>
	withNotes(async (knex) => {
		const template = notesByKey(knex, 'title');
		const reader: DirectReader = { select: () => [{ title: 'from the driver' }], close() {} };
		const heard: string[] = [];
		knex.on('query', (query: { sql: string }) => heard.push(query.sql));
		t.deepEqual(await runTemplateDirect(reader, knex, template, [1]), [{ title: 'from the driver' }]);
		t.deepEqual(heard, [template.compiled.sql]);
	}));

test('a read that found the pool full fails at once, without waiting for knex to time out as well', (t) =>
	withNotes(async (knex) => {
		const template = notesByKey(knex, 'title');
		const timedOut = new createKnex.KnexTimeoutError('Knex: Timeout acquiring a connection. The pool is probably full.');
		const reader: DirectReader = { select: () => Promise.reject(timedOut), close() {} };
		const heard: string[] = [];
		knex.on('query', (query: { sql: string }) => heard.push(query.sql));
		t.is(await t.throwsAsync(async () => runTemplateDirect(reader, knex, template, [1])), timedOut);
		t.is(heard.length, 1, 'the statement was not sent again through knex');
	}));
