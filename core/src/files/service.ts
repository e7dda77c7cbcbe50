import { randomBytes, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Accountability, Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { Config } from '../config/index.js';
import { createError } from '../errors/index.js';
import type { DataEngine } from '../items/engine.js';
import type { Storage } from '../storage/index.js';
import { fetchUrl } from './fetch-url.js';
import { eachFilePart } from './multipart.js';
import { storeContent, type StoredContent } from './store-content.js';
import { readSmall } from './streams.js';
import { dropVariants } from './variants.js';

export interface FilesServiceDeps {
	engine: DataEngine;
	storage: Storage;
	files: Config['files'];
	/** Bounds a JSON body read from a streamed route (MAX_PAYLOAD_SIZE). */
	maxPayloadBytes: number;
}

/** Fields that describe the stored content: the server sets them, whatever a client sends. */
const contentFields = [
	'id',
	'storage',
	'filename_disk',
	'type',
	'filesize',
	'width',
	'height',
	'duration',
	'uploaded_by',
	'uploaded_on',
	'modified_by',
	'modified_on',
	'created_on',
	'tus_id',
	'tus_data',
];
/** Form fields holding JSON, as the Studio sends them. */
const jsonFields = new Set(['tags', 'metadata', 'location']);

/**
 * Files: rows in `directus_files` written through the data engine with the caller's permissions,
 * content in a storage location. A row never points at missing content: content is stored first
 * and removed again when its row cannot be written.
 */
export class FilesService {
	constructor(private readonly deps: FilesServiceDeps) {}

	/** Every file part of a multipart body; on a failure, the files already stored by it are removed. */
	async upload(body: Readable, contentType: string | undefined, accountability: Accountability | null): Promise<PrimaryKey[]> {
		const created: PrimaryKey[] = [];
		try {
			return await eachFilePart(body, contentType, async (part) => {
				const key = await this.create(
					{ stream: part.stream, declaredType: part.mimeType, filename: part.filename, data: formData(part.fields) },
					accountability,
				);
				created.push(key);
				return key;
			});
		} catch (error) {
			if (created.length > 0) await this.remove(created).catch(() => undefined);
			throw error;
		}
	}

	async import(input: { url: string; data?: Item }, accountability: Accountability | null): Promise<PrimaryKey> {
		if (typeof input?.url !== 'string') throw createError('fieldRequired', { field: 'url' });
		const source = await fetchUrl(input.url, this.deps.files.importAllowPrivateNetwork);
		try {
			return await this.create(
				{ stream: source.stream, declaredType: source.contentType, filename: source.filename, data: { ...(input.data ?? {}) } },
				accountability,
			);
		} finally {
			source.stream.destroy();
		}
	}

	/** A multipart body replaces the content; anything else is a JSON object of changed fields. */
	async update(key: PrimaryKey, body: Readable, contentType: string | undefined, accountability: Accountability | null): Promise<PrimaryKey> {
		if (contentType?.toLowerCase().startsWith('multipart/form-data')) {
			const [updated] = await eachFilePart(body, contentType, async (part) =>
				this.replace(key, part.stream, part.mimeType, part.filename, formData(part.fields), accountability),
			);
			return updated!;
		}
		const text = (await readSmall(body, this.deps.maxPayloadBytes)).toString('utf8');
		let changes: unknown;
		try {
			changes = text.trim() === '' ? {} : JSON.parse(text);
		} catch {
			throw createError('bodyNotJsonOrMultipart');
		}
		if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) throw createError('bodyNotObject');
		const service = await this.deps.engine.service('directus_files', accountability);
		return service.updateOne(key, { ...withoutContentFields(changes as Item), modified_by: accountability?.user ?? null, modified_on: new Date() });
	}

	/** Removes the rows (with the caller's permissions), then their content and variants. */
	async delete(keys: PrimaryKey[], accountability: Accountability | null): Promise<void> {
		const rows = await this.rowsOf(keys);
		const service = await this.deps.engine.service('directus_files', accountability);
		await service.deleteMany(keys);
		await Promise.all(rows.map((row) => this.removeContent(row)));
	}

	private async create(
		input: { stream: Readable; declaredType?: string; filename: string; data: Item },
		accountability: Accountability | null,
	): Promise<PrimaryKey> {
		const id = randomUUID();
		const location = typeof input.data.storage === 'string' && input.data.storage !== '' ? input.data.storage : this.deps.storage.default;
		const content = await storeContent(this.deps.storage, this.deps.files, {
			stream: input.stream,
			declaredType: input.declaredType,
			filename: input.filename,
			location,
			keyOf: (ext) => `${id}.${ext}`,
		});
		const now = new Date();
		const row: Item = {
			title: titleOf(input.filename),
			filename_download: input.filename,
			...withoutContentFields(input.data),
			...contentRow(content),
			id,
			uploaded_by: accountability?.user ?? null,
			uploaded_on: now,
			modified_on: now,
		};
		try {
			const service = await this.deps.engine.service('directus_files', accountability);
			return await service.createOne(row);
		} catch (error) {
			await this.deps.storage
				.location(location)
				.delete(content.key)
				.catch(() => undefined);
			throw error;
		}
	}

	/**
	 * New content under the same key: stored beside the old one first, so that a refused update
	 * (permissions) leaves the file as it was, then moved into place once the row says so.
	 */
	private async replace(
		key: PrimaryKey,
		stream: Readable,
		declaredType: string,
		filename: string,
		data: Item,
		accountability: Accountability | null,
	): Promise<PrimaryKey> {
		const [existing] = await this.rowsOf([key]);
		if (!existing) throw createError('FORBIDDEN');
		const id = String(existing.id);
		const location = existing.storage;
		const staging = `${id}.upload-${randomBytes(6).toString('hex')}`;
		const content = await storeContent(this.deps.storage, this.deps.files, { stream, declaredType, filename, location, keyOf: (ext) => `${staging}.${ext}` });
		const driver = this.deps.storage.location(location);
		const finalKey = `${id}.${content.key.slice(staging.length + 1)}`;
		try {
			const service = await this.deps.engine.service('directus_files', accountability);
			await service.updateOne(key, {
				filename_download: filename,
				...withoutContentFields(data),
				...contentRow({ ...content, key: finalKey }),
				modified_by: accountability?.user ?? null,
				modified_on: new Date(),
				uploaded_on: new Date(),
			});
		} catch (error) {
			await driver.delete(content.key).catch(() => undefined);
			throw error;
		}
		await driver.move(content.key, finalKey);
		if (existing.filename_disk && existing.filename_disk !== finalKey) await driver.delete(existing.filename_disk);
		await dropVariants(driver, id);
		return key;
	}

	/** System reads: where content lives is needed even when the caller may not read those fields. */
	private async rowsOf(keys: PrimaryKey[]): Promise<Array<{ id: PrimaryKey; storage: string; filename_disk: string | null }>> {
		if (keys.length === 0) return [];
		const system = await this.deps.engine.service('directus_files', null);
		return (await system.readByQuery({ filter: { id: { _in: keys } }, fields: ['id', 'storage', 'filename_disk'], limit: -1 })) as never;
	}

	/** Rows and content of files this request created, undone as the system. */
	private async remove(keys: PrimaryKey[]): Promise<void> {
		const rows = await this.rowsOf(keys);
		await (await this.deps.engine.service('directus_files', null)).deleteMany(keys);
		await Promise.all(rows.map((row) => this.removeContent(row)));
	}

	private async removeContent(row: { id: PrimaryKey; storage: string; filename_disk: string | null }): Promise<void> {
		// A location dropped from STORAGE_LOCATIONS leaves its objects where they are.
		if (!this.deps.storage.names.includes(row.storage)) return;
		const driver = this.deps.storage.location(row.storage);
		if (row.filename_disk) await driver.delete(row.filename_disk);
		await dropVariants(driver, String(row.id));
	}
}

function contentRow(content: StoredContent): Item {
	return {
		storage: content.storage,
		filename_disk: content.key,
		type: content.type,
		filesize: content.filesize,
		width: content.width,
		height: content.height,
		duration: content.duration,
		metadata: content.metadata,
	};
}

function withoutContentFields(data: Item): Item {
	const result: Item = {};
	for (const [field, value] of Object.entries(data)) if (!contentFields.includes(field)) result[field] = value;
	return result;
}

/** Form fields are strings; the JSON ones are parsed, and `storage` stays for choosing the location. */
function formData(fields: Record<string, string>): Item {
	const data: Item = {};
	for (const [name, value] of Object.entries(fields)) {
		if (jsonFields.has(name)) {
			try {
				data[name] = JSON.parse(value);
			} catch {
				data[name] = value;
			}
		} else data[name] = value === '' && name === 'folder' ? null : value;
	}
	return data;
}

/** `summer_trip-2024.jpg` → `Summer Trip 2024`, the title a person would give it. */
function titleOf(filename: string): string {
	const base = filename
		.replace(/\.[^.]+$/, '')
		.replace(/[-_.]+/g, ' ')
		.trim();
	return base.replace(/\b\p{L}/gu, (letter) => letter.toUpperCase()) || filename;
}
