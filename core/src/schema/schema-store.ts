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

	onInvalidate(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	private async build(): Promise<SchemaOverview> {
		const raw = await this.dialect.introspect(this.knex, { schemas: this.schemas });
		const [collections, fields, relations] = [
			await this.knex('mantle_collections').select('*'),
			await this.knex('mantle_fields').select('*'),
			await this.knex('mantle_relations').select('*'),
		];
		return buildOverview(this.dialect.vendor, raw, { collections, fields, relations });
	}
}
