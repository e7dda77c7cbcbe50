/** A JSON object that is neither an array nor null. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reduces a row value to what every export format can write: JSON types only. Dates become ISO
 * text, big integers decimal text, other objects what their `toJSON` gives; `undefined` keys are
 * dropped, as JSON drops them.
 */
export function toPlain(value: unknown): unknown {
	if (value === null || value === undefined) return null;
	if (typeof value === 'bigint') return value.toString();
	if (typeof value === 'number') return Number.isFinite(value) ? value : null;
	if (typeof value !== 'object') return typeof value === 'function' || typeof value === 'symbol' ? null : value;
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
	if (Array.isArray(value)) return value.map(toPlain);
	const withJson = value as { toJSON?: () => unknown };
	if (typeof withJson.toJSON === 'function') return toPlain(withJson.toJSON());
	const plain: Record<string, unknown> = {};
	for (const [key, entry] of Object.entries(value)) {
		if (entry !== undefined) plain[key] = toPlain(entry);
	}
	return plain;
}
