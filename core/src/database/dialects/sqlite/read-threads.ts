import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { statementCacheSize } from '../shared-statement-cache.js';
import { readWorkerSource, type ReadAnswer, type ReadRequest, type ReadThreadStart, type ReadWorkerData } from './read-worker.js';

type Rows = Record<string, unknown>[];

interface Pending {
	resolve(answer: Extract<ReadAnswer, { rows: Rows }>): void;
	reject(error: Error): void;
}

interface Thread {
	worker: Worker;
	pending: Map<number, Pending>;
	/** When its last read was answered (performance.now()). */
	idleSince: number;
}

/** An error from a read thread, shaped as the driver's own: its message and SQLite's code. */
class ReadThreadError extends Error {
	constructor(
		message: string,
		readonly code?: string,
	) {
		super(message);
	}
}

const require = createRequire(import.meta.url);

/**
 * Threads, each with its own read-only connection to the database file, for the reads that take
 * long. better-sqlite3 runs a statement on the calling thread, so a slow one (an aggregate over a
 * large table, a search) would stop the server's event loop for every other request while it runs;
 * on a thread it runs beside them, and on another CPU. Started on first use; a thread that fails
 * is dropped and its reads fail (and are sent again through knex by the caller), the next read
 * starts a new one. A thread costs 10-20 MB (a V8 isolate, a connection and its page cache): one
 * with nothing to do for `idleMs` is stopped, as a pool lets an idle connection go.
 */
export class ReadThreads {
	private readonly threads: Thread[] = [];
	private nextId = 0;
	private closed = false;
	private sweeper: NodeJS.Timeout | undefined;

	constructor(
		private readonly data: ReadWorkerData,
		private readonly size: number,
		private readonly idleMs = 30_000,
	) {}

	/** Threads running now. */
	get running(): number {
		return this.threads.length;
	}

	select(sql: string, bindings: unknown[]): Promise<Extract<ReadAnswer, { rows: Rows }>> {
		if (this.closed) return Promise.reject(new Error('The database connection is closed.'));
		const thread = this.leastBusy();
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			// A thread with reads on their way keeps the process alive; an idle one does not.
			if (thread.pending.size === 0) thread.worker.ref();
			thread.pending.set(id, { resolve, reject });
			thread.worker.postMessage({ id, sql, bindings } satisfies ReadRequest);
		});
	}

	close(): void {
		this.closed = true;
		clearInterval(this.sweeper);
		this.sweeper = undefined;
		for (const thread of this.threads.splice(0)) this.stop(thread, new Error('The database connection is closed.'));
	}

	private leastBusy(): Thread {
		let chosen: Thread | undefined;
		for (const thread of this.threads) if (!chosen || thread.pending.size < chosen.pending.size) chosen = thread;
		if (chosen && (chosen.pending.size === 0 || this.threads.length >= this.size)) return chosen;
		return this.start();
	}

	private start(): Thread {
		const workerData: ReadThreadStart = { ...this.data, driver: require.resolve('better-sqlite3'), statementCacheSize };
		const worker = new Worker(readWorkerSource, { eval: true, workerData });
		const thread: Thread = { worker, pending: new Map(), idleSince: performance.now() };
		worker.unref();
		worker.on('message', (answer: ReadAnswer) => {
			const waiting = thread.pending.get(answer.id);
			if (!waiting) return;
			thread.pending.delete(answer.id);
			if (thread.pending.size === 0) {
				thread.worker.unref();
				thread.idleSince = performance.now();
			}
			if ('error' in answer) waiting.reject(new ReadThreadError(answer.error.message, answer.error.code));
			else waiting.resolve(answer);
		});
		worker.on('error', (error) => this.stop(thread, error));
		worker.on('exit', () => this.stop(thread, new Error('A read thread stopped.')));
		this.threads.push(thread);
		this.sweeper ??= setInterval(() => this.stopIdle(), Math.max(1, this.idleMs / 2)).unref();
		return thread;
	}

	private stopIdle(): void {
		const now = performance.now();
		for (const thread of [...this.threads]) {
			if (thread.pending.size === 0 && now - thread.idleSince >= this.idleMs) this.stop(thread, new Error('A read thread stopped.'));
		}
		if (this.threads.length === 0) {
			clearInterval(this.sweeper);
			this.sweeper = undefined;
		}
	}

	private stop(thread: Thread, error: Error): void {
		const index = this.threads.indexOf(thread);
		if (index !== -1) this.threads.splice(index, 1);
		for (const waiting of thread.pending.values()) waiting.reject(error);
		thread.pending.clear();
		void thread.worker.terminate();
	}
}
