/**
 * Dashboard variables: a `variable` panel holds a value under its name, and every other panel's
 * options may use it as `{{ name }}`. A string that is one placeholder takes the value as it is
 * (a number stays a number); inside longer text it is written out.
 */
export type Variables = Record<string, unknown>;

const whole = /^\{\{\s*([\w-]+)\s*\}\}$/;
const inside = /\{\{\s*([\w-]+)\s*\}\}/g;

export function substitute(value: unknown, variables: Variables): unknown {
	if (typeof value === 'string') {
		const alone = whole.exec(value);
		if (alone) return alone[1]! in variables ? variables[alone[1]!] : value;
		return value.replace(inside, (match, name: string) => (name in variables ? String(variables[name] ?? '') : match));
	}
	if (Array.isArray(value)) return value.map((entry) => substitute(entry, variables));
	if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, substitute(entry, variables)]));
	return value;
}
