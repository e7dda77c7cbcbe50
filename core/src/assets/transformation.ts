import { createHash } from 'node:crypto';
import { createError } from '../errors/index.js';

export type OutputFormat = 'jpg' | 'png' | 'webp' | 'avif' | 'tiff' | 'gif';
export type Fit = 'cover' | 'contain' | 'inside' | 'outside';
export type Operation = [string, ...unknown[]];

/** A transformation after parsing, checking and resolving `format=auto`: what the variant's key hashes. */
export interface Transformation {
	width?: number;
	height?: number;
	fit?: Fit;
	quality?: number;
	format?: OutputFormat;
	withoutEnlargement?: boolean;
	focalPointX?: number;
	focalPointY?: number;
	transforms?: Operation[];
}

/** As asked: `format` may still be `auto`, resolved against the request's Accept header. */
export type RequestedTransformation = Omit<Transformation, 'format'> & { format?: OutputFormat | 'auto' };

export interface Preset {
	key: string;
	width?: number;
	height?: number;
	fit?: string;
	quality?: number;
	format?: string;
	withoutEnlargement?: boolean;
	transforms?: unknown;
}

export type TransformMode = 'all' | 'presets' | 'none';

/**
 * Presets the Studio's file library relies on, available whatever `storage_asset_transform` says:
 * thumbnails in the grid, the preview card and the file detail view.
 */
export const systemPresets: Preset[] = [
	{ key: 'system-small-cover', width: 64, height: 64, fit: 'cover', format: 'auto', transforms: [] },
	{ key: 'system-small-contain', width: 64, fit: 'contain', format: 'auto', transforms: [] },
	{ key: 'system-medium-cover', width: 300, height: 300, fit: 'cover', format: 'auto', transforms: [] },
	{ key: 'system-medium-contain', width: 300, fit: 'contain', format: 'auto', transforms: [] },
	{ key: 'system-large-cover', width: 800, height: 800, fit: 'cover', format: 'auto', transforms: [] },
	{ key: 'system-large-contain', width: 800, fit: 'contain', format: 'auto', transforms: [] },
];

/**
 * sharp operations a `transforms` list may name: they change pixels, not the canvas beyond a
 * rotation's corners, so the output limits hold. `resize` is allowed too (Directus clients send
 * `[["resize", { "width": 8 }]]`), with its size checked against the same limit as `width`.
 * Anything else (`extend`, `composite`, output or input options) is refused.
 */
export const allowedOperations = new Set([
	'autoOrient',
	'rotate',
	'flip',
	'flop',
	'blur',
	'sharpen',
	'median',
	'flatten',
	'gamma',
	'negate',
	'normalise',
	'normalize',
	'clahe',
	'threshold',
	'modulate',
	'tint',
	'greyscale',
	'grayscale',
	'trim',
	'linear',
	'extract',
	'resize',
]);

const resizeOptions = new Set(['width', 'height', 'fit', 'position', 'withoutEnlargement', 'withoutReduction', 'background', 'kernel']);

const fits = new Set<Fit>(['cover', 'contain', 'inside', 'outside']);
const formats = new Set(['jpg', 'jpeg', 'png', 'webp', 'avif', 'tiff', 'auto']);
const maxOperations = 10;

function integer(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
	if (value === undefined || value === '') return undefined;
	const number = Number(value);
	if (!Number.isInteger(number) || number < min || number > max) throw createError('parameterOutOfRange', { parameter: name, min, max });
	return number;
}

function flag(value: unknown): boolean | undefined {
	if (value === undefined) return undefined;
	return value === true || value === '' || value === 'true' || value === '1';
}

/** `["resize", 300]`, `["resize", 300, 200]` or `["resize", { width, height, fit, ... }]`, within the size limit. */
function resize(args: unknown[], maxDimension: number): Operation {
	const [first, second, third] = args;
	const options = (typeof first === 'object' && first !== null ? first : typeof third === 'object' && third !== null ? third : {}) as Record<string, unknown>;
	if (Array.isArray(options)) throw createError('transformResizeShape');
	for (const key of Object.keys(options)) {
		if (!resizeOptions.has(key)) throw createError('transformOptionUnknown', { transform: 'resize', option: key, allowed: [...resizeOptions].join(', ') });
	}
	const width = integer(typeof first === 'object' ? options.width : (first ?? undefined), 'resize width', 1, maxDimension);
	const height = integer(typeof first === 'object' ? options.height : (second ?? undefined), 'resize height', 1, maxDimension);
	if (width === undefined && height === undefined) throw createError('transformResizeNeedsSize');
	if (options.fit !== undefined && !fits.has(options.fit as Fit) && options.fit !== 'fill')
		throw createError('resizeFitNotOneOf', { allowed: [...fits, 'fill'].join(', ') });
	return ['resize', { ...options, width, height }] as Operation;
}

function operations(value: unknown, maxDimension: number): Operation[] | undefined {
	if (value === undefined || value === '') return undefined;
	let list = value;
	if (typeof value === 'string') {
		try {
			list = JSON.parse(value);
		} catch {
			throw createError('transformsNotJson');
		}
	}
	if (!Array.isArray(list) || list.length > maxOperations) throw createError('transformsTooMany', { max: maxOperations });
	return list.map((entry) => {
		if (!Array.isArray(entry) || typeof entry[0] !== 'string') throw createError('transformNotArray');
		if (!allowedOperations.has(entry[0])) throw createError('transformNotAllowed', { transform: entry[0], allowed: [...allowedOperations].join(', ') });
		if (entry[0] === 'resize') return resize(entry.slice(1), maxDimension);
		return entry as Operation;
	});
}

/** Parses and checks the asset query's (or a preset's) parameters; `format` stays unresolved. */
export function parseParameters(input: Record<string, unknown>, maxDimension: number): RequestedTransformation {
	const width = integer(input.width, 'width', 1);
	const height = integer(input.height, 'height', 1);
	for (const [name, size] of [
		['width', width],
		['height', height],
	] as const) {
		if (size !== undefined && size > maxDimension) throw createError('transformDimensionTooLarge', { parameter: name, max: maxDimension });
	}
	const fit = input.fit === undefined || input.fit === '' ? undefined : String(input.fit);
	if (fit !== undefined && !fits.has(fit as Fit)) throw createError('parameterNotOneOf', { parameter: 'fit', allowed: [...fits].join(', ') });
	const format = input.format === undefined || input.format === '' ? undefined : String(input.format).toLowerCase();
	if (format !== undefined && !formats.has(format)) throw createError('formatNotOneOf');
	const result = {
		width,
		height,
		fit: fit as Fit | undefined,
		quality: integer(input.quality, 'quality', 1, 100),
		format: format === 'jpeg' ? 'jpg' : (format as OutputFormat | 'auto' | undefined),
		withoutEnlargement: flag(input.withoutEnlargement),
		focalPointX: integer(input.focal_point_x, 'focal_point_x', 0),
		focalPointY: integer(input.focal_point_y, 'focal_point_y', 0),
		transforms: operations(input.transforms, maxDimension),
	};
	return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
}

const transformKeys = ['width', 'height', 'fit', 'quality', 'format', 'withoutEnlargement', 'focal_point_x', 'focal_point_y', 'transforms'];

/**
 * The transformation an asset request asks for, or `undefined` for the original. `key` names a
 * preset (system presets always allowed); the `storage_asset_transform` setting limits the rest.
 */
export function requestedTransformation(
	query: Record<string, unknown>,
	settings: { mode: TransformMode; presets: Preset[] },
	maxDimension: number,
): RequestedTransformation | undefined {
	const custom = transformKeys.some((key) => query[key] !== undefined && query[key] !== '');
	if (query.key !== undefined && query.key !== '') {
		const key = String(query.key);
		const system = systemPresets.find((preset) => preset.key === key);
		const preset = system ?? settings.presets.find((candidate) => candidate.key === key);
		if (!preset) throw createError('transformPresetMissing', { key });
		if (!system && settings.mode === 'none') throw createError('transformsDisabled');
		const { key: _key, ...parameters } = preset;
		return parseParameters(parameters, maxDimension);
	}
	if (!custom) return undefined;
	if (settings.mode !== 'all') throw createError(settings.mode === 'none' ? 'transformsDisabled' : 'transformsPresetsOnly');
	return parseParameters(query, maxDimension);
}

/** `auto` picks the best format the client accepts: AVIF, then WebP, then the original's own. */
export function resolveFormat(format: OutputFormat | 'auto' | undefined, accept: string | undefined, sourceType: string): OutputFormat {
	if (format && format !== 'auto') return format;
	if (format === 'auto') {
		const accepted = (accept ?? '').toLowerCase();
		if (accepted.includes('image/avif')) return 'avif';
		if (accepted.includes('image/webp')) return 'webp';
	}
	return formatOfType(sourceType);
}

const formatTypes: Record<OutputFormat, string> = {
	jpg: 'image/jpeg',
	png: 'image/png',
	webp: 'image/webp',
	avif: 'image/avif',
	tiff: 'image/tiff',
	gif: 'image/gif',
};

export function typeOfFormat(format: OutputFormat): string {
	return formatTypes[format];
}

/** The original's own format where sharp writes it; PNG for the rest (SVG, HEIC). */
function formatOfType(type: string): OutputFormat {
	const found = (Object.entries(formatTypes) as Array<[OutputFormat, string]>).find(([, candidate]) => candidate === type);
	return found?.[0] ?? 'png';
}

/** The variant's name: the same transformation always hashes the same, whatever the parameter order. */
export function transformationHash(transformation: Transformation): string {
	const normalised = Object.keys(transformation)
		.sort()
		.map((key) => [key, transformation[key as keyof Transformation]]);
	return createHash('sha256').update(JSON.stringify(normalised)).digest('hex').slice(0, 24);
}
