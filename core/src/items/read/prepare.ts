import { createError } from '../../errors/index.js';
import { canRead, forbiddenField } from '../ast/permission-fields.js';
import type { ReadNode } from '../ast/types.js';
import type { EngineContext } from '../context.js';
import { parseFunctionField } from '../query/parse.js';
import type { NormalizedQuery } from '../query/types.js';
import { collectionModel, type CollectionModel } from '../schema-index.js';
import { and, type Condition, type Target } from '../sql/condition.js';
import { compileFilter } from '../sql/compile-filter.js';
import { checkDateFunction } from '../sql/operator-types.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import { searchCondition } from '../sql/search.js';
import { fieldRowRule } from '../../permissions/types.js';
import { visibilityGroups, type VisibilityGroup } from './visibility.js';

/** One step of a sort through a many-to-one: the related row, as far as the caller may see it. */
export interface SortStep {
	column: string;
	related: CollectionModel;
	rule: Condition;
}

export interface SortSpec {
	steps: SortStep[];
	target: Target;
	descending: boolean;
	/** Whether the value can be null, so null placement must be made the same on every vendor. */
	nullable: boolean;
	/** The rows on which the sorted field may be seen: elsewhere it sorts as null, revealing nothing. */
	visible?: Condition;
}

/** A read node with its conditions checked and its paging decided, ready to become SQL. */
export interface PreparedRead {
	node: ReadNode;
	where: Condition;
	sort: SortSpec[];
	/** `count(field)` entries of the output, each with the related collection's row rule. */
	counts: Map<string, Extract<Target, { kind: 'count' }>>;
	/** `null`: every row. */
	limit: number | null;
	offset: number;
	/** Fields visible only on some rows (several policies), read as null elsewhere. */
	visibility: VisibilityGroup[];
}

/**
 * Checks and compiles what a level of a read filters, searches and sorts on. The caller's row
 * rule for the collection is always part of the condition; the query's own filter, search and
 * sort may only use fields the caller can read.
 */
export async function prepareRead(
	context: EngineContext,
	node: ReadNode,
	variables: DynamicVariables,
	defaults: { limit: number | null; sort: string[] },
): Promise<PreparedRead> {
	const { model, permission, query } = node;
	const rule = permission.filter ? await compileFilter(context, model, permission.filter, { checkFields: false, variables }) : null;
	const filter = await compileFilter(context, model, query.filter, { checkFields: true, variables }, permission);
	const search = query.search ? searchCondition(context, model, permission, query.search) : null;
	const asked = query.sort && query.sort.length > 0;
	// The default order (key, or the collection's sort field) is the engine's choice, not the
	// caller's, so it needs no read permission on that field and reveals nothing.
	const sort = await Promise.all((asked ? query.sort! : defaults.sort).map((path) => compileSort(context, model, node, path, variables, Boolean(asked))));
	const { limit, offset } = paging(context, query, defaults.limit);
	const counts = new Map<string, Extract<Target, { kind: 'count' }>>();
	for (const entry of node.entries) {
		if (entry.kind === 'function' && entry.fn === 'count') counts.set(entry.key, await countTarget(context, model, entry.field, variables));
	}
	const aliasFields = node.entries.flatMap((entry) => (entry.kind === 'o2m' ? [entry.relation.field] : []));
	const visibility = await visibilityGroups(context, model, permission, [...node.columns, ...aliasFields], variables);
	return { node, where: and(rule, filter, search), sort, counts, limit, offset, visibility };
}

function paging(context: EngineContext, query: NormalizedQuery, defaultLimit: number | null): { limit: number | null; offset: number } {
	const max = context.limits.maxLimit;
	let limit = query.limit === undefined ? defaultLimit : query.limit === -1 ? null : query.limit;
	if (max !== -1 && (limit === null || limit > max)) limit = max;
	const offset = query.offset ?? (query.page && limit !== null ? (query.page - 1) * limit : 0);
	return { limit, offset };
}

async function compileSort(
	context: EngineContext,
	root: CollectionModel,
	node: ReadNode,
	path: string,
	variables: DynamicVariables,
	checkFields: boolean,
): Promise<SortSpec> {
	const descending = path.startsWith('-');
	const segments = (descending ? path.slice(1) : path).split('.');
	const steps: SortStep[] = [];
	let model = root;
	let permission = node.permission;
	for (const segment of segments.slice(0, -1)) {
		const relational = model.relational.get(segment);
		if (!model.fields.has(segment) || !canRead(permission, segment)) throw forbiddenField(model.collection, segment);
		if (relational?.kind !== 'm2o') throw createError('sortThroughRefused', { path });
		const related = collectionModel(context.schema, relational.related);
		const relatedPermission = await context.permissions.get(context.accountability, related.collection, 'read');
		if (!relatedPermission) throw forbiddenField(model.collection, segment);
		const rule = relatedPermission.filter ? await compileFilter(context, related, relatedPermission.filter, { checkFields: false, variables }) : and();
		steps.push({ column: segment, related, rule });
		model = related;
		permission = relatedPermission;
	}
	const last = segments.at(-1)!;
	const fn = parseFunctionField(last);
	const fieldName = fn?.field ?? last;
	const field = model.fields.get(fieldName);
	if (!field || (checkFields && (!canRead(permission, fieldName) || model.concealed.has(fieldName)))) throw forbiddenField(model.collection, fieldName);
	if (fn?.fn === 'count') return { steps, target: await countTarget(context, model, fieldName, variables), descending, nullable: false };
	if (fn) checkDateFunction(fn.fn, fieldName, field.type);
	if (!field.schema) throw createError('sortWithoutValue', { path });
	const target: Target = fn ? { kind: 'function', fn: fn.fn, column: fieldName } : { kind: 'column', column: fieldName };
	const hiddenOn = checkFields && fieldName !== model.primary ? fieldRowRule(permission, fieldName) : null;
	const visible = hiddenOn ? await compileFilter(context, model, hiddenOn, { checkFields: false, variables }) : undefined;
	return { steps, target, descending, nullable: steps.length > 0 || field.schema.is_nullable || Boolean(visible), visible };
}

/** `count(field)` of a one-to-many field: counts only the related rows the caller may read. */
async function countTarget(
	context: EngineContext,
	model: CollectionModel,
	fieldName: string,
	variables: DynamicVariables,
): Promise<Extract<Target, { kind: 'count' }>> {
	const relational = model.relational.get(fieldName);
	if (relational?.kind !== 'o2m') throw createError('filterFunctionRefused', { fn: 'count', field: fieldName });
	const related = collectionModel(context.schema, relational.related);
	const permission = await context.permissions.get(context.accountability, related.collection, 'read');
	if (!permission) throw forbiddenField(model.collection, fieldName);
	const rule = permission.filter ? await compileFilter(context, related, permission.filter, { checkFields: false, variables }) : and();
	return { kind: 'count', relation: relational, related, rule };
}
