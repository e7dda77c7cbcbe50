import type { Filter } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { canRead, forbiddenField } from '../ast/permission-fields.js';
import type { EngineContext } from '../context.js';
import { parseFunctionField } from '../query/parse.js';
import { filterOperators, type FilterOperator } from '../query/types.js';
import { collectionModel, type CollectionModel } from '../schema-index.js';
import { fieldRowRule, type CollectionPermission } from '../../permissions/types.js';
import { and, type Condition, type Target } from './condition.js';
import { coerceFilterValue } from './filter-values.js';
import { type DynamicVariables } from './dynamic-variables.js';
import { checkOperatorType, filterSize } from './operator-types.js';

const operators = new Set<string>(filterOperators);
const stringTypes = new Set(['string', 'text', 'uuid', 'hash', 'csv']);

/** What a filter may cost when QUERY_FILTER_MAX_NODES does not say. */
export const defaultFilterMaxNodes = 1000;

export interface CompileOptions {
	/** Check each field against the caller's read permission (off for the permission rules themselves). */
	checkFields: boolean;
	variables: DynamicVariables;
}

/**
 * Turns a filter into a checked condition on `model`, refusing unknown or unreadable fields with
 * FORBIDDEN and bad values with INVALID_QUERY. Relational steps add the related collection's own
 * read rule, so filtering through a relation can't reveal rows of it the caller can't read.
 */
export async function compileFilter(...args: Parameters<typeof compileNode>): Promise<Condition> {
	const [context, , filter, options] = args;
	// The caller's filters are bounded (permission rules are the administrator's own).
	if (filter && options.checkFields) {
		const limit = context.limits.filterMaxNodes ?? defaultFilterMaxNodes;
		const size = filterSize(filter);
		if (size > limit) throw createError('filterTooLarge', { size, limit });
	}
	return compileNode(...args);
}

async function compileNode(
	context: EngineContext,
	model: CollectionModel,
	filter: Filter | null | undefined,
	options: CompileOptions,
	permission?: CollectionPermission,
): Promise<Condition> {
	if (!filter) return and();
	const items: Condition[] = [];
	for (const [key, value] of Object.entries(filter)) {
		if (key === '_and' || key === '_or') {
			const parts = await Promise.all((value as Filter[]).map((part) => compileNode(context, model, part, options, permission)));
			items.push(key === '_and' ? and(...parts) : { kind: 'or', items: parts });
			continue;
		}
		items.push(await compileField(context, model, key, value as Record<string, unknown>, options, permission));
	}
	return and(...items);
}

async function compileField(
	context: EngineContext,
	model: CollectionModel,
	key: string,
	rule: Record<string, unknown>,
	options: CompileOptions,
	permission?: CollectionPermission,
): Promise<Condition> {
	const fn = parseFunctionField(key);
	const fieldName = fn?.field ?? key;
	const field = model.fields.get(fieldName);
	if (!field || (options.checkFields && ((permission && !canRead(permission, fieldName)) || model.concealed.has(fieldName))))
		throw forbiddenField(model.collection, fieldName);
	// A field some policies allow only on their own rows can match only there: elsewhere it reads as null.
	const hiddenOn = options.checkFields && permission && fieldName !== model.primary ? fieldRowRule(permission, fieldName) : null;
	if (hiddenOn) {
		const visible = await compileFilter(context, model, hiddenOn, { ...options, checkFields: false });
		return and(visible, await compileField(context, model, key, rule, options, { ...permission!, fieldRowRules: undefined, fieldRowRuleDefault: undefined }));
	}
	const relational = model.relational.get(fieldName);
	const ruleKeys = Object.keys(rule ?? {});
	const isOperatorRule = ruleKeys.length > 0 && ruleKeys.every((name) => operators.has(name));

	if (fn?.fn === 'count') {
		if (relational?.kind !== 'o2m') throw createError('filterFunctionRefused', { fn: 'count', field: fieldName });
		const related = collectionModel(context.schema, relational.related);
		return operatorConditions(
			context,
			{ kind: 'count', relation: relational, related, rule: await relatedCondition(context, related, {}, options) },
			rule,
			'integer',
			options,
		);
	}
	if (fn) {
		if (!['date', 'dateTime', 'timestamp', 'time'].includes(field.type))
			throw createError('filterFunctionRefusedForType', { fn: fn.fn, field: fieldName, type: field.type });
		return operatorConditions(context, { kind: 'function', fn: fn.fn, column: fieldName }, rule, 'integer', options);
	}
	if (isOperatorRule || !relational) {
		if (!field.schema) throw createError('filterThroughRelatedOnly', { field: fieldName, collection: model.collection });
		return operatorConditions(context, { kind: 'column', column: fieldName }, rule, field.type, options, model, fieldName);
	}
	if (relational.kind === 'm2o') {
		const related = collectionModel(context.schema, relational.related);
		return { kind: 'm2o', column: fieldName, related, inner: await relatedCondition(context, related, rule, options) };
	}
	if (relational.kind === 'o2m') {
		const related = collectionModel(context.schema, relational.related);
		const none = '_none' in rule;
		const inner = (rule._some ?? rule._none ?? rule) as Filter;
		return { kind: 'o2m', related, relatedField: relational.relatedField, none, inner: await relatedCondition(context, related, inner, options) };
	}
	throw createError('filterManyToAnyRefused', { field: fieldName });
}

async function relatedCondition(context: EngineContext, related: CollectionModel, filter: Filter, options: CompileOptions): Promise<Condition> {
	if (!options.checkFields) return compileNode(context, related, filter, options);
	const permission = await context.permissions.get(context.accountability, related.collection, 'read');
	if (!permission) throw createError('noCollectionAccess', { collection: related.collection });
	const rule = permission.filter ? await compileNode(context, related, permission.filter, { ...options, checkFields: false }) : null;
	return and(rule, await compileNode(context, related, filter, options, permission));
}

function describeTarget(target: Target): string {
	if (target.kind === 'count') return `count(${target.relation.field})`;
	return target.kind === 'function' ? `${target.fn}(${target.column})` : target.column;
}

async function operatorConditions(
	context: EngineContext,
	target: Target,
	rule: Record<string, unknown>,
	type: string,
	options: CompileOptions,
	model?: CollectionModel,
	fieldName?: string,
): Promise<Condition> {
	const items: Condition[] = [];
	for (const [operator, raw] of Object.entries(rule ?? {})) {
		if (!operators.has(operator)) throw createError('filterOperatorUnknown', { operator });
		checkOperatorType(operator as FilterOperator, type, fieldName ?? describeTarget(target));
		const resolved = await options.variables.resolve(raw);
		const field = model && fieldName ? model.fields.get(fieldName)! : null;
		const value = coerceFilterValue(context, field, type, operator as FilterOperator, resolved);
		items.push({ kind: 'operator', target, operator: operator as FilterOperator, value, stringType: stringTypes.has(type) });
	}
	return and(...items);
}
