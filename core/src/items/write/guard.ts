import type { PrimaryKey } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { fieldRowRule, type CollectionPermission, type PermissionAction } from '../../permissions/types.js';
import type { EngineContext } from '../context.js';
import type { CollectionModel } from '../schema-index.js';
import { applyCondition, SqlScope } from '../sql/apply-condition.js';
import { compileFilter } from '../sql/compile-filter.js';
import { possibleKeys } from '../sql/filter-values.js';
import { DynamicVariables } from '../sql/dynamic-variables.js';
import { systemReader } from '../read/system-reader.js';

export async function writePermission(context: EngineContext, model: CollectionModel, action: PermissionAction): Promise<CollectionPermission> {
	const permission = await context.permissions.get(context.accountability, model.collection, action);
	if (!permission) throw createError('noActionAccess', { action, collection: model.collection });
	return permission;
}

/**
 * Checks that every key names an existing item the caller's rule for this action allows; one
 * that doesn't fails the whole call with FORBIDDEN, the same for missing and not allowed.
 */
export async function assertAllowedKeys(context: EngineContext, model: CollectionModel, keys: PrimaryKey[], permission: CollectionPermission): Promise<void> {
	if (keys.length === 0) return;
	const found = await existingKeys(context, model, keys, permission);
	if (found.size < new Set(keys.map(String)).size) {
		throw createError('noItemAccess', { collection: model.collection });
	}
}

/**
 * A field only some of the caller's policies allow may be written only on the rows those policies
 * allow: each such field is checked against its own rule, over every key.
 */
export async function assertFieldRows(
	context: EngineContext,
	model: CollectionModel,
	keys: PrimaryKey[],
	permission: CollectionPermission,
	fields: string[],
): Promise<void> {
	const rules = new Map<string, NonNullable<ReturnType<typeof fieldRowRule>>>();
	for (const field of fields) {
		const rule = fieldRowRule(permission, field);
		if (rule) rules.set(JSON.stringify(rule), rule);
	}
	for (const rule of rules.values()) {
		await assertAllowedKeys(context, model, keys, { ...permission, filter: permission.filter ? { _and: [permission.filter, rule] } : rule });
	}
}

/** Which of the keys exist (and, given a permission, satisfy its row rule), as strings. */
export async function existingKeys(context: EngineContext, model: CollectionModel, given: unknown[], permission?: CollectionPermission): Promise<Set<string>> {
	const keys = possibleKeys(context, model, given);
	const found = new Set<string>();
	const scope = new SqlScope(context.knex, context.dialect);
	const rule = permission?.filter
		? await compileFilter(context, model, permission.filter, {
				checkFields: false,
				variables: new DynamicVariables(context.accountability, systemReader(context)),
			})
		: null;
	for (let start = 0; start < keys.length; start += 1000) {
		const alias = scope.alias();
		const builder = context.knex
			.from({ [alias]: model.table })
			.select(`${alias}.${model.primary}`)
			.whereIn(`${alias}.${model.primary}`, keys.slice(start, start + 1000) as string[]);
		if (rule) applyCondition(builder, rule, alias, scope, model.primary);
		for (const row of await builder) found.add(String(row[model.primary]));
	}
	return found;
}
