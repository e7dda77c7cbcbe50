import { fieldRowRule, type CollectionPermission } from '../../permissions/types.js';
import { canRead } from '../ast/permission-fields.js';
import type { EngineContext } from '../context.js';
import type { CollectionModel } from '../schema-index.js';
import type { Condition } from './condition.js';

const textTypes = new Set(['string', 'text']);
const numericTypes = new Set(['integer', 'bigInteger', 'float', 'decimal']);
/** Whether the term can be compared with a column of the type: integers only within the column's range. */
function fitsNumericType(type: string, term: string): boolean {
	if (type !== 'integer' && type !== 'bigInteger') return true;
	const text = term.trim();
	if (!/^-?\d+$/.test(text)) return false;
	const value = BigInt(text);
	const bits = type === 'integer' ? 31n : 63n;
	return value >= -(2n ** bits) && value < 2n ** bits;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `search`: any readable text field containing the term (ignoring case), or a numeric or UUID
 * field equal to it when the term is one. Fields the caller can't read are never searched, so a
 * match can't reveal their content.
 */
export function searchCondition(_context: EngineContext, model: CollectionModel, permission: CollectionPermission, term: string): Condition {
	const items: Condition[] = [];
	const numeric = term.trim() !== '' && Number.isFinite(Number(term));
	for (const field of model.columns) {
		// Fields visible only on some rows (several policies) are not searched: a match could reveal them elsewhere.
		if (!canRead(permission, field.field) || model.concealed.has(field.field) || (field.field !== model.primary && fieldRowRule(permission, field.field)))
			continue;
		const target = { kind: 'column' as const, column: field.field };
		if (textTypes.has(field.type)) items.push({ kind: 'operator', target, operator: '_icontains', value: term, stringType: true });
		else if (numeric && numericTypes.has(field.type) && fitsNumericType(field.type, term)) {
			items.push({
				kind: 'operator',
				target,
				operator: '_eq',
				value: field.type === 'integer' || field.type === 'float' ? Number(term) : term.trim(),
				stringType: false,
			});
		} else if (field.type === 'uuid' && uuidPattern.test(term))
			items.push({ kind: 'operator', target, operator: '_eq', value: term.toLowerCase(), stringType: true });
	}
	return items.length === 0 ? { kind: 'constant', value: false } : { kind: 'or', items };
}
