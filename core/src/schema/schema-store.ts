import type { Knex } from 'knex';
import type { Dialect } from '../database/dialects/types.js';
import { buildOverview } from './build-overview.js';
import type { SchemaOverview } from './types.js';

/**
 * Holds the schema overview: built once, shared by every request, rebuilt after a schema change
 * made through Mantle or on demand. Concurrent readers during a rebuild share one build.
 */
export class SchemaStore {
	private current: Promise<SchemaOverview> | undefined;
	private readonly listeners = new Set<() => void>();
	/** Whether a rebuild started by `refresh` is running, and whether the schema changed again meanwhile. */
	private refreshing = false;
	private changedWhileRefreshing = false;

	constructor(
		private readonly knex: Knex,
		private readonly dialect: Dialect,
		private readonly schemas?: string[],
	) {}

	get(): Promise<SchemaOverview> {
		this.current ??= this.build().catch((error: unknown) => {
			this.current = undefined;
			throw error;
		});
		return this.current;
	}

	/**
	 * Forgets the overview; the next read rebuilds it. Listeners (a cross-instance bus) hear of it,
	 * unless the news came from another instance in the first place.
	 */
	invalidate(announce = true): void {
		this.current = undefined;
		if (announce) for (const listener of this.listeners) listener();
	}

	/**
	 * Forgets the overview and rebuilds it at once, so the next request finds it ready: how an
	 * instance takes another's schema change. A burst of changes (a snapshot applied step by
	 * step) costs at most one rebuild running here at a time, plus the one after the last change.
	 */
	refresh(): void {
		this.invalidate(false);
		if (this.refreshing) {
			this.changedWhileRefreshing = true;
			return;
		}
		this.refreshing = true;
		void this.get()
			// A failed rebuild is forgotten by `get`; the next request tries again and answers its error.
			.catch(() => undefined)
			.finally(() => {
				this.refreshing = false;
				if (!this.changedWhileRefreshing) return;
				this.changedWhileRefreshing = false;
				if (!this.current) this.refresh();
			});
	}

	onInvalidate(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private async build(): Promise<SchemaOverview> {
		// One after the other: every kernel rebuilds at start and after each change, and side by
		// side these reads would take a connection each from a pool that serves requests meanwhile.
		const raw = await this.dialect.introspect(this.knex, { schemas: this.schemas });
		const collections = await this.knex('mantle_collections').select('*');
		const fields = await this.knex('mantle_fields').select('*');
		const relations = await this.knex('mantle_relations').select('*');
		return buildOverview(this.dialect.vendor, raw, { collections, fields, relations });
	}
}
