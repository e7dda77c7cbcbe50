import type { FieldType } from './field-types.js';
import type { RawDefault } from './types.js';

/** The value of a single-quoted SQL string literal (`'it''s'` → `it's`), or undefined when `text` is not one. */
export function sqlStringLiteral(text: string): string | undefined {
	const match = /^'((?:[^']|'')*)'$/s.exec(text);
	return match ? match[1]!.replace(/''/g, "'") : undefined;
}

export function numericLiteral(text: string): number | undefined {
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text.trim())) return undefined;
	const value = Number(text);
	return Number.isFinite(value) ? value : undefined;
}

/**
 * Vendors without a boolean type store `1`/`'1'`, and some store numbers as quoted text: the
 * default is reported in the type the field holds, so a client sees `true`, not `'1'`.
 */
export function coerceDefault(value: RawDefault, type: FieldType): RawDefault {
	if (value === null || typeof value === 'boolean') return value;
	const text = String(value).trim();
	if (type === 'boolean') {
		if (text === '1' || text.toLowerCase() === 'true') return true;
		if (text === '0' || text.toLowerCase() === 'false') return false;
		return value;
	}
	if (type === 'integer' || type === 'bigInteger' || type === 'float' || type === 'decimal') {
		const number = numericLiteral(text);
		// Beyond 2^53 a number would silently change: such defaults stay exact strings.
		if (number !== undefined && Math.abs(number) <= Number.MAX_SAFE_INTEGER) return number;
	}
	if (typeof value === 'number' && (type === 'string' || type === 'text' || type === 'uuid')) return text;
	return value;
}

/** `((0))` → `0`: strips parentheses that wrap the whole expression, and only those. */
export function stripParentheses(text: string): string {
	let result = text.trim();
	while (result.startsWith('(') && result.endsWith(')') && closingParenthesis(result) === result.length - 1) result = result.slice(1, -1).trim();
	return result;
}

function closingParenthesis(text: string): number {
	let depth = 0;
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i];
		if (char === "'") quoted = !quoted;
		else if (!quoted && char === '(') depth += 1;
		else if (!quoted && char === ')' && --depth === 0) return i;
	}
	return -1;
}
