/**
 * Options of an operation may refer to the data chain: `{{ $last.id }}`, `{{ op_key.items[0] }}`,
 * `{{ $trigger.payload }}`. A string that is one placeholder and nothing else takes the value as
 * it is (an object stays an object); placeholders inside longer text are written out, objects as
 * JSON. A path that leads nowhere gives `null` alone and an empty string inside text. A
 * placeholder whose first name is not in the chain is left as written, for the operation's own
 * templates (a mail's Liquid `{{ name }}`).
 */
const placeholder = /\{\{\s*([^{}]+?)\s*\}\}/g;
const whole = /^\{\{\s*([^{}]+?)\s*\}\}$/;

export function renderOptions(options: unknown, data: Record<string, unknown>): unknown {
	if (typeof options === 'string') return renderString(options, data);
	if (Array.isArray(options)) return options.map((entry) => renderOptions(entry, data));
	if (options !== null && typeof options === 'object') {
		const rendered: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(options)) rendered[key] = renderOptions(value, data);
		return rendered;
	}
	return options;
}

function renderString(text: string, data: Record<string, unknown>): unknown {
	const alone = whole.exec(text);
	if (alone) return inChain(data, alone[1]!) ? (lookup(data, alone[1]!) ?? null) : text;
	return text.replace(placeholder, (match, path: string) => {
		if (!inChain(data, path)) return match;
		const value = lookup(data, path);
		if (value === undefined || value === null) return '';
		return typeof value === 'object' ? JSON.stringify(value) : String(value);
	});
}

function inChain(data: Record<string, unknown>, path: string): boolean {
	const root = /^[^.[]+/.exec(path.trim())?.[0];
	return root !== undefined && Object.prototype.hasOwnProperty.call(data, root);
}

/** Follows `a.b[0].c` through plain data; never into prototypes. */
export function lookup(data: unknown, path: string): unknown {
	const segments = path
		.replace(/\[(\d+)\]/g, '.$1')
		.split('.')
		.filter(Boolean);
	let current: unknown = data;
	for (const segment of segments) {
		if (current === null || typeof current !== 'object' || !Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
		current = (current as Record<string, unknown>)[segment];
	}
	return current;
}
