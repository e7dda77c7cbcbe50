import type { AssetRequest, AssetResponse } from '@mantle/extensions-sdk';
import type { Config } from '../config/index.js';
import { createError } from '../errors/index.js';
import type { DataEngine } from '../items/engine.js';
import { isObjectNotFound, type Storage, type StorageDriver } from '../storage/index.js';
import { isImageType } from '../files/metadata.js';
import { variantKey } from '../files/variants.js';
import { attachment, entityTag, matchesTag, parseRange } from './http-headers.js';
import { Transformer } from './transform.js';
import {
	requestedTransformation,
	resolveFormat,
	transformationHash,
	typeOfFormat,
	type Preset,
	type Transformation,
	type TransformMode,
} from './transformation.js';

export interface AssetsServiceDeps {
	engine: DataEngine;
	storage: Storage;
	assets: Config['assets'];
}

interface FileRow {
	id: string;
	storage: string;
	filename_disk: string | null;
	filename_download: string;
	type: string | null;
	filesize: number | string | null;
	width: number | null;
	height: number | null;
	focal_point_x: number | null;
	focal_point_y: number | null;
	uploaded_on: string | Date | null;
	modified_on: string | Date | null;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const forbidden = () => createError('FORBIDDEN');

/**
 * `/assets/:id`: the caller's read permission on `directus_files` decides, the content streams
 * from the file's own location, and transformed variants are made once and kept beside it.
 */
export class AssetsService {
	private readonly transformer: Transformer;

	constructor(private readonly deps: AssetsServiceDeps) {
		this.transformer = new Transformer({
			maxConcurrent: deps.assets.transformMaxConcurrent,
			maxDimension: deps.assets.maxDimension,
			timeoutMs: deps.assets.transformTimeoutMs,
		});
	}

	async serve(id: string, request: AssetRequest): Promise<AssetResponse> {
		const row = await this.readable(id, request);
		if (!row.filename_disk || !this.deps.storage.names.includes(row.storage)) throw forbidden();
		const driver = this.deps.storage.location(row.storage);
		const baseTag = [row.id, row.filename_disk, row.filesize, String(row.uploaded_on ?? row.modified_on)];
		const type = row.type ?? 'application/octet-stream';
		const requested = isImageType(type) ? requestedTransformation(request.query, await this.settings(), this.deps.assets.maxDimension) : undefined;

		let key = row.filename_disk;
		let contentType = type;
		let transformation: Transformation | undefined;
		let tag = entityTag(baseTag);
		const headers: Record<string, string> = {};
		if (requested) {
			const format = resolveFormat(requested.format, header(request.headers.accept), type);
			if (requested.format === 'auto') headers.vary = 'Accept';
			transformation = { ...requested, format };
			const hash = transformationHash(transformation);
			key = variantKey(row.id, hash, format);
			contentType = typeOfFormat(format);
			tag = entityTag([...baseTag, hash]);
		}
		const modified = new Date(row.uploaded_on ?? row.modified_on ?? Date.now());
		Object.assign(headers, {
			'content-type': contentType,
			'accept-ranges': 'bytes',
			etag: tag,
			'last-modified': modified.toUTCString(),
			// What a signed-in caller may read is theirs alone: shared caches must not keep it for others.
			'cache-control': `${request.accountability?.user ? 'private' : 'public'}, max-age=${this.deps.assets.cacheTtlSeconds}`,
		});
		if (request.query.download !== undefined) headers['content-disposition'] = attachment(row.filename_download);
		// The tag names the content, so a client holding it needs neither the bytes nor a transformation.
		if (matchesTag(request.headers['if-none-match'], tag)) return { status: 304, headers };

		let info = await driver.head(key);
		if (!info && transformation) {
			await this.transformer.run(
				() => this.open(driver, row.filename_disk!),
				{ width: row.width, height: row.height, focalPointX: row.focal_point_x, focalPointY: row.focal_point_y },
				transformation,
				driver,
				key,
				contentType,
			);
			info = await driver.head(key);
		}
		if (!info) throw forbidden();

		const range = parseRange(request.headers.range, info.size);
		if (range) {
			headers['content-range'] = `bytes ${range.start}-${range.end}/${info.size}`;
			headers['content-length'] = String(range.end! - range.start + 1);
			return { status: 206, headers, body: await this.open(driver, key, range) };
		}
		headers['content-length'] = String(info.size);
		return { status: 200, headers, body: await this.open(driver, key) };
	}

	/** Read permission first, through the engine; then, as the system, where the content lives. */
	private async readable(id: string, request: AssetRequest): Promise<FileRow> {
		if (!uuid.test(id)) throw forbidden();
		const caller = await this.deps.engine.service('directus_files', request.accountability);
		await caller.readOne(id, { fields: ['id'] });
		const system = await this.deps.engine.service('directus_files', null);
		const fields = [
			'id',
			'storage',
			'filename_disk',
			'filename_download',
			'type',
			'filesize',
			'width',
			'height',
			'focal_point_x',
			'focal_point_y',
			'uploaded_on',
			'modified_on',
		];
		return (await system.readOne(id, { fields })) as unknown as FileRow;
	}

	private async open(driver: StorageDriver, key: string, range?: { start: number; end?: number }) {
		try {
			return await driver.get(key, range);
		} catch (error) {
			// Content gone from the store reads as any other file the caller cannot see.
			if (isObjectNotFound(error)) throw forbidden();
			throw error;
		}
	}

	private async settings(): Promise<{ mode: TransformMode; presets: Preset[] }> {
		const settings = await (
			await this.deps.engine.service('directus_settings', null)
		).readSingleton({ fields: ['storage_asset_transform', 'storage_asset_presets'] });
		const mode = settings.storage_asset_transform;
		const presets = Array.isArray(settings.storage_asset_presets) ? (settings.storage_asset_presets as Preset[]) : [];
		return { mode: mode === 'presets' || mode === 'none' ? mode : 'all', presets };
	}
}

function header(value: string | string[] | undefined): string | undefined {
	return Array.isArray(value) ? value.join(',') : value;
}
