import type { Readable } from 'node:stream';
import type { Sharp } from 'sharp';
import { loadSharp } from './load-sharp.js';
import { MantleError, createError } from '../errors/index.js';
import type { StorageDriver } from '../storage/index.js';
import type { Operation, Transformation } from './transformation.js';

export interface TransformLimits {
	maxConcurrent: number;
	/** Widest or tallest image read or written; its square bounds the input pixels. */
	maxDimension: number;
	timeoutMs: number;
}

export interface TransformSource {
	width: number | null;
	height: number | null;
	focalPointX: number | null;
	focalPointY: number | null;
}

let transformsRun = 0;

/** How many transformations ran in this process: cached variants do not count. */
export function transformCount(): number {
	return transformsRun;
}

/**
 * Runs sharp transformations with the configured limits: a bounded number at once (the rest are
 * refused with 503 rather than queued, so a burst cannot pile up memory), a pixel limit on the
 * input against decompression bombs, and a deadline.
 */
export class Transformer {
	private running = 0;

	constructor(private readonly limits: TransformLimits) {}

	/** Writes the transformed `input` to `key`; the driver keeps nothing when it fails. */
	async run(
		input: () => Promise<Readable>,
		source: TransformSource,
		transformation: Transformation,
		driver: StorageDriver,
		key: string,
		contentType: string,
	): Promise<void> {
		const maxPixels = this.limits.maxDimension ** 2;
		const sharp = await loadSharp();
		if (source.width !== null && source.height !== null && source.width * source.height > maxPixels)
			throw createError('imageTooLarge', { max: this.limits.maxDimension });
		if (this.running >= this.limits.maxConcurrent) throw createError('transformsBusy');
		this.running++;
		transformsRun++;
		let failure: Error | undefined;
		const pipeline = sharp({ limitInputPixels: maxPixels, sequentialRead: true }).timeout({ seconds: Math.max(1, Math.ceil(this.limits.timeoutMs / 1000)) });
		pipeline.once('error', (error: Error) => (failure ??= error));
		const timer = setTimeout(() => {
			failure ??= createError('transformTimedOut', { ms: this.limits.timeoutMs });
			pipeline.destroy(failure);
		}, this.limits.timeoutMs);
		let original: Readable | undefined;
		try {
			apply(pipeline, source, transformation);
			original = await input();
			original.once('error', (error) => pipeline.destroy(error));
			await driver.put(key, original.pipe(pipeline), { contentType });
		} catch (error) {
			// An abandoned pipeline leaves its source unread: close it, or its file handle leaks.
			original?.destroy();
			throw explain(failure ?? error, this.limits);
		} finally {
			clearTimeout(timer);
			this.running--;
		}
	}
}

function apply(pipeline: Sharp, source: TransformSource, t: Transformation): void {
	pipeline.autoOrient();
	const focal = focalCrop(source, t);
	if (focal) pipeline.resize(focal.width, focal.height).extract(focal.region);
	else if (t.width !== undefined || t.height !== undefined)
		pipeline.resize({ width: t.width, height: t.height, fit: t.fit ?? 'cover', withoutEnlargement: t.withoutEnlargement ?? false });
	for (const operation of t.transforms ?? []) applyOperation(pipeline, operation);
	const quality = t.quality === undefined ? {} : { quality: t.quality };
	switch (t.format) {
		case 'jpg':
			pipeline.jpeg(quality);
			break;
		case 'png':
			pipeline.png(quality);
			break;
		case 'webp':
			pipeline.webp(quality);
			break;
		case 'avif':
			pipeline.avif(quality);
			break;
		case 'tiff':
			pipeline.tiff(quality);
			break;
		case 'gif':
			pipeline.gif();
			break;
		default:
			break;
	}
}

function applyOperation(pipeline: Sharp, [name, ...args]: Operation): void {
	const method = (pipeline as unknown as Record<string, (...values: unknown[]) => unknown>)[name];
	if (typeof method !== 'function') throw createError('transformNotAvailable', { transform: name });
	try {
		method.apply(pipeline, args);
	} catch (error) {
		throw createError('transformArgumentsInvalid', { transform: name, reason: (error as Error).message });
	}
}

/**
 * `cover` around a focal point: scale so the box is covered, then cut the box centred on the
 * point as far as the edges allow. Without a point (or both sides), sharp's own centring applies.
 */
function focalCrop(source: TransformSource, t: Transformation) {
	const fx = t.focalPointX ?? source.focalPointX;
	const fy = t.focalPointY ?? source.focalPointY;
	if ((t.fit ?? 'cover') !== 'cover' || t.width === undefined || t.height === undefined || fx === null || fx === undefined || fy === null || fy === undefined)
		return undefined;
	if (!source.width || !source.height) return undefined;
	const scale = Math.max(t.width / source.width, t.height / source.height);
	if (scale > 1 && t.withoutEnlargement) return undefined;
	const width = Math.max(t.width, Math.round(source.width * scale));
	const height = Math.max(t.height, Math.round(source.height * scale));
	const clamp = (value: number, max: number) => Math.min(Math.max(0, value), max);
	return {
		width,
		height,
		region: {
			left: clamp(Math.round(fx * scale - t.width / 2), width - t.width),
			top: clamp(Math.round(fy * scale - t.height / 2), height - t.height),
			width: t.width,
			height: t.height,
		},
	};
}

/** sharp's messages become catalogue errors: the client sent an image or a transformation that cannot work. */
function explain(error: unknown, limits: TransformLimits): unknown {
	if (error instanceof MantleError) return error;
	const message = (error as Error)?.message ?? String(error);
	if (/pixel limit/i.test(message)) return createError('imageTooLarge', { max: limits.maxDimension });
	if (/timeout/i.test(message)) return createError('transformTimedOut', { ms: limits.timeoutMs });
	if (/unsupported image format|bad extract area|Input buffer|VipsJpeg|vips|Expected/i.test(message))
		return createError('imageNotTransformable', { reason: message });
	return error;
}
