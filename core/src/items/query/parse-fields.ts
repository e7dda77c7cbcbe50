import { fieldFunctions, type FieldFunction } from './types.js';
import { createError } from '../../errors/index.js';

const functionCall = /^([A-Za-z]+)\((.*)\)$/s;
const knownFunctions = new Set<string>(fieldFunctions);
const functionList = fieldFunctions.join(', ');

/**
 * Reads a field-function key such as `year(published_on)`. The argument is a field of the same
 * collection; a function on a related field is written as a path, `author.year(birthday)`.
 * Anything else, including an unknown function name, is not a function field and gives `null`.
 */
export function parseFunctionField(name: string): { fn: FieldFunction; field: string } | null {
	const match = functionCall.exec(name);
	if (!match || !knownFunctions.has(match[1])) return null;
	const field = match[2].trim();
	if (field === '' || /[().,]/.test(field)) return null;
	return { fn: match[1] as FieldFunction, field };
}

/** Refuses a function the engine could not plan: unknown name, bad argument, or text after it. */
export function checkFunctionCall(call: string, where: string): void {
	const match = /^([A-Za-z]+)\(/.exec(call);
	if (!match || !call.includes(')')) throw createError('functionMalformed', { call, where });
	if (!knownFunctions.has(match[1])) throw createError('functionUnknown', { fn: match[1], where, known: functionList });
	if (!call.endsWith(')')) throw createError('functionNotLast', { call, where });
	if (!parseFunctionField(call)) throw createError('functionNeedsOneField', { call, where, fn: match[1] });
}

/**
 * Checks the syntax of a field path (`title`, `author.name`, `item:headings.title`,
 * `author.year(birthday)`, `*`); whether the fields exist is the engine's question.
 */
export function checkFieldPath(path: string, name: string, options: { wildcard: boolean }): void {
	const where = `"${name}" entry "${path}"`;
	const open = path.search(/[()]/);
	const cut = open === -1 ? path.length : path.lastIndexOf('.', open) + 1;
	const segments = cut === 0 ? [] : path.slice(0, open === -1 ? cut : cut - 1).split('.');
	for (const segment of segments) {
		if (segment.trim() === '') throw createError('fieldNameEmpty', { where });
		if (segment === '*' && !options.wildcard) throw createError('wildcardRefused', { where });
	}
	if (open !== -1) checkFunctionCall(path.slice(cut), where);
}
