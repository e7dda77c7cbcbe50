import { operators, type Rule } from '../content/filter.js';

/**
 * The filter builder's rules back from a stored filter (a field's validation, a permission's item
 * rule), so an admin edits what is saved rather than starting over. Reads the shapes the builder
 * writes: one rule, or `_and` of rules, each a path of fields ending in one operator.
 */
export function filterToRules(filter: unknown): Rule[] {
	if (!filter || typeof filter !== 'object') return [];
	const record = filter as Record<string, unknown>;
	if (Array.isArray(record._and)) return record._and.flatMap(filterToRules);
	const rules: Rule[] = [];
	for (const [key, inner] of Object.entries(record)) {
		if (key.startsWith('_')) {
			const arity = operators.find((operator) => operator.id === key)?.arity ?? 'one';
			const value = arity === 'none' ? '' : Array.isArray(inner) ? inner.join(', ') : String(inner ?? '');
			rules.push({ path: '', operator: key, value });
			continue;
		}
		for (const rule of filterToRules(inner)) rules.push({ ...rule, path: rule.path ? `${key}.${rule.path}` : key });
	}
	return rules.filter((rule) => rule.path !== '');
}
