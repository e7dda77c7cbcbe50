import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * An AsyncLocalStorage that is switched off whenever nothing runs in it. On Node 20 an enabled
 * AsyncLocalStorage turns on promise hooks for the whole process, so after the first write (the
 * transaction context) or the first flow every promise of every request paid for them: a tenth
 * of a by-id read's CPU. Switched off when its last run ends, the hooks are off again as soon as
 * no instance is in use.
 *
 * Only `run` with work that returns a promise, `exit` and `getStore`: what the engine's contexts need.
 * Work started inside a run and left running after it (not awaited) may find the store gone.
 */
export class ScopedStorage<T> {
	private readonly storage = new AsyncLocalStorage<T>();
	private running = 0;

	/** Nothing while no run is in progress: the storage is switched off then. */
	getStore(): T | undefined {
		return this.storage.getStore();
	}

	async run<R>(store: T, work: () => Promise<R>): Promise<R> {
		this.running += 1;
		try {
			return await this.storage.run(store, work);
		} finally {
			this.running -= 1;
			if (this.running === 0) this.storage.disable();
		}
	}

	/** Runs `work` (and what it starts) outside any run's store. */
	exit<R>(work: () => R): R {
		return this.storage.exit(work);
	}
}
