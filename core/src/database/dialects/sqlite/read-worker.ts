// What one of SQLite's read threads (see read-threads.ts) runs: its own read-only connection to
// the database file, answering `{ id, sql, bindings }` with the rows or the driver's error.

export interface ReadRequest {
	id: number;
	sql: string;
	bindings: unknown[];
}

export type ReadAnswer =
	{ id: number; rows: Record<string, unknown>[]; ms: number; binary: boolean } | { id: number; error: { message: string; code?: string } };

export interface ReadWorkerData {
	filename: string;
	busyTimeout: number;
}

/** What the thread is started with: the database, and what the server resolved for it. */
export interface ReadThreadStart extends ReadWorkerData {
	/** Where better-sqlite3 is installed: code run with `eval` has no module of its own to resolve from. */
	driver: string;
	/** Prepared statements the thread keeps, for the most recent SQL texts. */
	statementCacheSize: number;
}

/**
 * The thread's program, as plain JavaScript run with `eval`: the same text whether the server runs
 * built (`dist/`) or from its TypeScript sources under the tests' loader, which a thread would not
 * inherit. It reports each statement's time, so the server can tell when one has become fast, and
 * whether a BLOB is among the values (one crosses as a bare Uint8Array and is made a Buffer again).
 */
export const readWorkerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Driver = require(workerData.driver);
const connection = new Driver(workerData.filename, { fileMustExist: true });
connection.pragma('query_only = ON');
connection.pragma('busy_timeout = ' + Math.floor(workerData.busyTimeout));
const statements = new Map();
function prepare(sql) {
	let statement = statements.get(sql);
	if (statement) statements.delete(sql);
	else statement = connection.prepare(sql);
	statements.set(sql, statement);
	if (statements.size > workerData.statementCacheSize) statements.delete(statements.keys().next().value);
	return statement;
}
function holdsBinary(rows) {
	for (const row of rows) for (const key in row) if (row[key] instanceof Uint8Array) return true;
	return false;
}
parentPort.on('message', ({ id, sql, bindings }) => {
	let answer;
	try {
		const started = performance.now();
		const rows = prepare(sql).all(bindings);
		answer = { id, rows, ms: performance.now() - started, binary: holdsBinary(rows) };
	} catch (error) {
		answer = { id, error: { message: String(error.message), code: typeof error.code === 'string' ? error.code : undefined } };
	}
	parentPort.postMessage(answer);
});
`;
