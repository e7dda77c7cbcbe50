import { createError } from '../../errors/index.js';

/**
 * The shared readers behind `parseQuery`. Every parameter arrives either as qs output (strings,
 * arrays, objects of strings) or as native JSON, so each reader accepts both and names the
 * parameter it read in any error.
 */

/** A received value as an error message quotes it: JSON, cut short so a huge value stays readable. */
export function shown(value: unknown): string {
	const text = value === undefined ? 'undefined' : (JSON.stringify(value) ?? String(value));
	return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * An object for keys that come from the caller. Without a prototype, a key named `constructor` or
 * `toString` is just a key: a lookup never finds Object's builtins and a write never reaches them.
 */
export function dictionary<T>(): Record<string, T> {
	return Object.create(null) as Record<string, T>;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Clients build URLs with empty parameters (`search=`), so an empty value means "not given". */
export function isBlank(value: unknown): boolean {
	return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function isScalar(value: unknown): value is string | number | boolean | null {
	return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}

const indexKey = /^(?:0|[1-9]\d*)$/;

/**
 * qs builds arrays from `a[0]=x` only up to its `arrayLimit`; past it, or with sparse indexes,
 * it builds an object keyed "0", "1", ... Both mean a list.
 */
export function asArray(value: unknown): unknown[] | undefined {
	if (Array.isArray(value)) return value;
	if (!isPlainObject(value)) return undefined;
	const keys = Object.keys(value);
	if (keys.length === 0 || !keys.every((key) => indexKey.test(key))) return undefined;
	return keys.sort((a, b) => Number(a) - Number(b)).map((key) => value[key]);
}

/** The prototype-setting key must never become an own key of the objects this parser builds. */
export function checkKey(key: string, path: string): void {
	if (key === '__proto__') throw createError('keyProtoRefused', { path });
}

function parseJson(text: string, name: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		throw createError('parameterJsonInvalid', { parameter: name, reason: (error as Error).message });
	}
}

/** An object parameter: a native object, a qs bracket object, or a JSON string of an object. */
export function readObject(value: unknown, name: string): Record<string, unknown> {
	const parsed = typeof value === 'string' ? parseJson(value.trim(), name) : value;
	if (!isPlainObject(parsed)) throw createError('parameterNotObject', { parameter: name, value: shown(value) });
	return parsed;
}

/**
 * A list parameter: `a,b`, `["a","b"]` as JSON text, `a[]=a&a[]=b`, or a native array (whose
 * entries may themselves be comma lists). Entries are trimmed; empty ones are dropped.
 */
export function readList(value: unknown, name: string): string[] {
	let entries: unknown[] | undefined;
	if (typeof value === 'string') {
		const text = value.trim();
		entries = text.startsWith('[') ? asArray(parseJson(text, name)) : [text];
	} else {
		entries = asArray(value);
	}
	if (!entries) throw createError('parameterNotList', { parameter: name, value: shown(value) });
	const list: string[] = [];
	for (const entry of entries) {
		if (typeof entry !== 'string') throw createError('parameterNotList', { parameter: name, value: shown(value) });
		for (const part of entry.split(',')) {
			const trimmed = part.trim();
			if (trimmed !== '') list.push(trimmed);
		}
	}
	return list;
}

/** An integer parameter: a safe integer or its decimal text, at least `min`. */
export function readInteger(value: unknown, name: string, min: number): number {
	let number: number | undefined;
	if (typeof value === 'number') number = value;
	else if (typeof value === 'string' && /^-?\d+$/.test(value.trim())) number = Number(value.trim());
	if (number === undefined || !Number.isSafeInteger(number) || number < min) {
		throw createError('parameterNotInteger', { parameter: name, min, value: shown(value) });
	}
	return number;
}

/** A boolean operand as filters in URLs carry them: `true`, `"false"`, `"1"`, `0`, ... */
export function readBoolean(value: unknown): boolean | undefined {
	if (value === true || value === 'true' || value === '1' || value === 1) return true;
	if (value === false || value === 'false' || value === '0' || value === 0) return false;
	return undefined;
}
