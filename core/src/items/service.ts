import type { Readable } from 'node:stream';
import type { Accountability, Item, PrimaryKey, Query } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';
import { assertQueryDepth } from './ast/depth.js';
import { logCollections } from './ast/log-collections.js';
import { isUnrestricted, type EngineContext } from './context.js';
import { exportContentTypes, exportStream } from './export/format.js';
import { importFormatFromContentType, parseImport } from './import/parse-import.js';
import { existingKeys } from './write/guard.js';
import { eachFilePart } from '../files/multipart.js';
import { parseQuery } from './query/parse.js';
import type { MetaKey, NormalizedQuery } from './query/types.js';
import { runAggregate } from './read/aggregate.js';
import { readMeta } from './read/meta.js';
import { keyFilter, plannedRead } from './plan/read.js';
import { systemReader } from './read/system-reader.js';
import { collectionModel, type CollectionModel } from './schema-index.js';
import { DynamicVariables } from './sql/dynamic-variables.js';
import { authorizeCreate, authorizeDelete, authorizeUpdate } from './write/authorize.js';
import { createItems } from './write/create.js';
import { deleteItems } from './write/delete.js';
import { filterEvent, inTransaction, readEvent } from './write/session.js';
import { updateItems } from './write/update.js';
import { writer } from './write/writer.js';

export type RawQuery = Query | NormalizedQuery | Record<string, unknown>;

/**
 * One collection through the data engine, as one caller: every read and write checks that
 * caller's permissions, runs the collection's hooks and keeps its activity log. Writes run in a
 * transaction of their own, or join the one they are called in.
 */
export class ItemsService {
	private readonly model: CollectionModel;

	constructor(
		private readonly context: EngineContext,
		readonly collection: string,
		private readonly onChange?: (collection: string) => void | Promise<void>,
	) {
		this.model = collectionModel(context.schema, collection);
	}

	get accountability(): Accountability | null {
		return this.context.accountability;
	}

	async info(): Promise<{ primary: string; singleton: boolean }> {
		return { primary: this.model.primary, singleton: this.model.singleton };
	}

	async readByQuery(raw: RawQuery = {}): Promise<Item[]> {
		return this.read(parseQuery(raw));
	}

	private async read(given: NormalizedQuery): Promise<Item[]> {
		assertQueryDepth(given, this.context.limits.maxDepth);
		const query = await filterEvent(this.context, this.model, 'query', given, {});
		assertQueryDepth(query, this.context.limits.maxDepth);
		const variables = this.variables();
		if (query.aggregate) return runAggregate(this.context, this.collection, query, variables);
		const items = await filterEvent(this.context, this.model, 'read', await plannedRead(this.context, this.model, query, variables), { query });
		readEvent(this.context, this.model, query, items);
		return items;
	}

	/** Rejects with FORBIDDEN when the item doesn't exist or may not be read: the two are indistinguishable on purpose. */
	async readOne(key: PrimaryKey, raw: RawQuery = {}): Promise<Item> {
		const [item] = await this.read(this.byKeys(parseQuery(raw), [key], 1));
		if (!item) throw createError('FORBIDDEN');
		return item;
	}

	async readMany(keys: PrimaryKey[], raw: RawQuery = {}): Promise<Item[]> {
		if (keys.length === 0) return [];
		return this.read(this.byKeys(parseQuery(raw), keys, -1));
	}

	/** A singleton's one item; before it is first saved, its fields' defaults. */
	async readSingleton(raw: RawQuery = {}): Promise<Item> {
		const query = parseQuery(raw);
		const [item] = await this.read({ ...query, limit: 1, offset: 0, page: undefined });
		if (item) return item;
		const defaults: Item = {};
		for (const field of this.model.columns) defaults[field.field] = field.field === this.model.primary ? null : (field.schema?.default_value ?? null);
		return defaults;
	}

	async meta(raw: RawQuery, keys: MetaKey[]): Promise<Partial<Record<MetaKey, number>>> {
		const query = { ...parseQuery(raw), meta: keys };
		assertQueryDepth(query, this.context.limits.maxDepth);
		if (logCollections.has(this.collection) && !isUnrestricted(this.context)) return this.logMeta(query, keys);
		return readMeta(this.context, this.collection, query, this.variables());
	}

	/** Log rows count only where their item may be read, which SQL alone can't tell: they are counted as read. */
	private async logMeta(query: NormalizedQuery, keys: MetaKey[]): Promise<Partial<Record<MetaKey, number>>> {
		const meta: Partial<Record<MetaKey, number>> = {};
		const base = { fields: [this.model.primary], limit: -1, offset: undefined, page: undefined, meta: undefined };
		for (const key of keys) {
			const counted = key === 'filter_count' ? { ...query, ...base } : { ...base, filter: undefined, search: undefined };
			meta[key] = (await this.read(counted as NormalizedQuery)).length;
		}
		return meta;
	}

	/** The query's rows as a file in one of the export formats, streamed. */
	async export(raw: RawQuery): Promise<{ contentType: string; filename: string; stream: Readable }> {
		const query = parseQuery(raw);
		const format = query.export ?? 'json';
		const items = await this.read({ ...query, export: undefined });
		async function* rows() {
			yield* items;
		}
		// Rows are read in one query, as the page they form; the file is still written out as a stream.
		return { contentType: exportContentTypes[format], filename: `${this.collection}.${format}`, stream: exportStream(format, rows()) };
	}

	createOne(data: Item): Promise<PrimaryKey> {
		return this.createMany([data]).then((keys) => keys[0]!);
	}

	createMany(data: Item[]): Promise<PrimaryKey[]> {
		if (!Array.isArray(data)) throw createError('itemsNotList');
		return this.write(async (context) => {
			await authorizeCreate(context, this.model, data);
			return createItems(context, this.model, data);
		}, data);
	}

	updateOne(key: PrimaryKey, data: Item): Promise<PrimaryKey> {
		return this.updateMany([key], data).then(() => key);
	}

	updateMany(keys: PrimaryKey[], data: Item): Promise<PrimaryKey[]> {
		return this.write(async (context) => {
			await authorizeUpdate(context, this.model, keys, data);
			return updateItems(context, this.model, keys, data);
		}, data);
	}

	/** Several items, each with its own changes and its key in the primary key field, in one transaction. */
	updateBatch(items: Item[]): Promise<PrimaryKey[]> {
		if (!Array.isArray(items)) throw createError('itemsNotList');
		return this.write(async (context) => {
			const changes = items.map((item) => {
				if (typeof item !== 'object' || item === null) throw createError('batchItemNeedsKey', { field: this.model.primary });
				const { [this.model.primary]: key, ...rest } = item;
				if (key === undefined || key === null) throw createError('batchItemNeedsKey', { field: this.model.primary });
				return { key: key as PrimaryKey, rest };
			});
			for (const { key, rest } of changes) await authorizeUpdate(context, this.model, [key], rest);
			const keys: PrimaryKey[] = [];
			for (const { key, rest } of changes) keys.push(...(await updateItems(context, this.model, [key], rest)));
			return keys;
		}, items);
	}

	async updateByQuery(raw: RawQuery, data: Item): Promise<PrimaryKey[]> {
		return this.updateMany(await this.keysOf(raw), data);
	}

	async upsertSingleton(data: Item): Promise<PrimaryKey> {
		const [existing] = await this.context.knex(this.model.table).select(this.model.primary).limit(1);
		if (existing) return this.updateOne(existing[this.model.primary] as PrimaryKey, data);
		return this.createOne(data);
	}

	deleteOne(key: PrimaryKey): Promise<PrimaryKey> {
		return this.deleteMany([key]).then(() => key);
	}

	deleteMany(keys: PrimaryKey[]): Promise<PrimaryKey[]> {
		return this.write(async (context) => {
			await authorizeDelete(context, this.model, keys);
			return deleteItems(context, this.model, keys);
		});
	}

	async deleteByQuery(raw: RawQuery): Promise<PrimaryKey[]> {
		return this.deleteMany(await this.keysOf(raw));
	}

	/**
	 * Items from a JSON or CSV stream, read as it arrives and written in batches, all in one
	 * transaction: an error anywhere leaves none of them. Items whose key exists are updated.
	 */
	async import(stream: Readable, options: { contentType?: string; filename?: string }): Promise<{ created: number; updated: number }> {
		// Directus clients send the file as the `file` part of a form; a bare body works too.
		if (options.contentType?.toLowerCase().startsWith('multipart/form-data')) {
			const [result] = await eachFilePart(stream, options.contentType, (part) =>
				this.import(part.stream, { contentType: part.mimeType, filename: part.filename }),
			);
			if (!result) throw createError('importFormEmpty');
			return result;
		}
		const format = importFormatFromContentType(options.contentType, options.filename);
		return this.write(async (context) => {
			const counts = { created: 0, updated: 0 };
			let batch: Item[] = [];
			const flush = async () => {
				const keyed = batch.filter((item) => item[this.model.primary] !== undefined && item[this.model.primary] !== null);
				const existing = await existingKeys(
					context,
					this.model,
					keyed.map((item) => item[this.model.primary]),
				);
				const toCreate = batch.filter((item) => !existing.has(String(item[this.model.primary])));
				for (const item of batch) {
					if (!existing.has(String(item[this.model.primary]))) continue;
					const { [this.model.primary]: key, ...changes } = item;
					await authorizeUpdate(context, this.model, [key as PrimaryKey], changes);
				}
				if (toCreate.length > 0) await authorizeCreate(context, this.model, toCreate);
				for (const item of batch) {
					if (!existing.has(String(item[this.model.primary]))) continue;
					const { [this.model.primary]: key, ...changes } = item;
					await updateItems(context, this.model, [key as PrimaryKey], changes);
					counts.updated++;
				}
				if (toCreate.length > 0) counts.created += (await createItems(context, this.model, toCreate)).length;
				batch = [];
			};
			for await (const item of parseImport(format, stream)) {
				batch.push(item);
				if (batch.length >= 1000) await flush();
			}
			if (batch.length > 0) await flush();
			return counts;
		});
	}

	private async write<T>(work: Parameters<typeof inTransaction<T>>[2], payload?: unknown): Promise<T> {
		const result = await inTransaction({ ...this.context, writer }, this.model, work, payload);
		// Awaited, so caches dropped because of this write are gone before its answer goes out.
		await this.onChange?.(this.collection);
		return result;
	}

	private async keysOf(raw: RawQuery): Promise<PrimaryKey[]> {
		const query = parseQuery(raw);
		const items = await this.read({ ...query, fields: [this.model.primary], limit: query.limit ?? -1 });
		return items.map((item) => item[this.model.primary] as PrimaryKey);
	}

	private byKeys(query: NormalizedQuery, keys: PrimaryKey[], limit: number): NormalizedQuery {
		return { ...query, filter: keyFilter(this.model, query.filter, keys), limit, offset: undefined, page: undefined };
	}

	private variables(): DynamicVariables {
		return new DynamicVariables(this.context.accountability, systemReader(this.context));
	}
}
