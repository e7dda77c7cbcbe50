import { isPlainObject, toPlain } from './plain.js';

const elementName = /^[\p{L}_][\p{L}\p{N}_.-]*$/u;
/** Characters XML 1.0 can't carry at all, not even as references: most controls and lone surrogates. */
// eslint-disable-next-line no-control-regex -- the control characters are what it looks for.
const unrepresentable = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * An XML document, one `<item>` line per row inside `<data>`. Keys become child elements, nested
 * objects nest, arrays become repeated `<item>` children of their key. A key that is not a valid
 * element name is written `<field name="...">`. Null is an empty element, as an empty string is;
 * characters XML 1.0 can't represent are dropped.
 */
export async function* xmlChunks(items: AsyncIterable<Record<string, unknown>>): AsyncGenerator<string> {
	yield '<?xml version="1.0" encoding="UTF-8"?>\n<data>\n';
	for await (const item of items) yield `${element('item', toPlain(item))}\n`;
	yield '</data>\n';
}

function element(name: string, value: unknown): string {
	const [open, close] = elementName.test(name) ? [`<${name}`, `</${name}>`] : [`<field name="${escapeAttribute(name)}"`, '</field>'];
	if (value === null || value === undefined) return `${open}/>`;
	if (Array.isArray(value)) return `${open}>${value.map((entry) => element('item', entry)).join('')}${close}`;
	if (isPlainObject(value))
		return `${open}>${Object.entries(value)
			.map(([key, entry]) => element(key, entry))
			.join('')}${close}`;
	return `${open}>${escapeText(String(value))}${close}`;
}

/** `>` is escaped too, for `]]>`; `\r` as a reference, since parsers would turn a raw one into `\n`. */
function escapeText(text: string): string {
	return text.replace(unrepresentable, '').replace(/[&<>\r]/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' })[char]!);
}

/** Attribute values also normalise tabs and newlines to spaces unless written as references. */
function escapeAttribute(text: string): string {
	return escapeText(text).replace(/["\n\t]/g, (char) => ({ '"': '&quot;', '\n': '&#10;', '\t': '&#9;' })[char]!);
}
