import { fieldFunctions, type FieldFunction } from './types.js';
import { invalid } from './parse-values.js';

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
	if (!match || !call.includes(')')) throw invalid(`Malformed function "${call}" in ${where}`);
	if (!knownFunctions.has(match[1])) throw invalid(`Unknown function "${match[1]}" in ${where} (known: ${functionList})`);
	if (!call.endsWith(')')) throw invalid(`Function "${call}" in ${where} must be the last part of its field path`);
	if (!parseFunctionField(call)) throw invalid(`Function "${call}" in ${where} must take one field name, as in "${match[1]}(date_created)"`);
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
		if (segment.trim() === '') throw invalid(`Empty field name in ${where}`);
		if (segment === '*' && !options.wildcard) throw invalid(`Wildcard "*" is not allowed in ${where}`);
	}
	if (open !== -1) checkFunctionCall(path.slice(cut), where);
}
