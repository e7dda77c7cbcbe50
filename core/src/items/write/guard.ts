import type { PrimaryKey } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { fieldRowRule, type CollectionPermission, type PermissionAction } from '../../permissions/types.js';
import type { EngineContext } from '../context.js';
import { keysMatching } from '../matching-keys.js';
import type { CollectionModel } from '../schema-index.js';
import { possibleKeys } from '../sql/filter-values.js';
import { DynamicVariables } from '../sql/dynamic-variables.js';
import { systemReader } from '../read/system-reader.js';
import { activeTransaction } from '../transaction-context.js';

export async function writePermission(context: EngineContext, model: CollectionModel, action: PermissionAction): Promise<CollectionPermission> {
	const permission = await context.permissions.get(context.accountability, model.collection, action);
	if (!permission) throw createError('noActionAccess', { action, collection: model.collection });
	return permission;
}

/**
 * Checks that every key names an existing item the caller's rule for this action allows; one
 * that doesn't fails the whole call with FORBIDDEN, the same for missing and not allowed. A
 * check the transaction already passed with nothing written since (the plan checked before the
 * write, the write itself) is not asked of the database twice.
 */
export async function assertAllowedKeys(context: EngineContext, model: CollectionModel, keys: PrimaryKey[], permission: CollectionPermission): Promise<void> {
	if (keys.length === 0) return;
	const passed = passedChecks(context);
	const check = JSON.stringify([model.collection, permission.filter, keys.map(String)]);
	const active = activeTransaction.getStore();
	if (passed && passed.get(check) === active?.writes) return;
	const found = await existingKeys(context, model, keys, permission);
	if (found.size < new Set(keys.map(String)).size) {
		throw createError('noItemAccess', { collection: model.collection });
	}
	if (passed && active) passed.set(check, active.writes);
}

/** The checks this caller passed in the active transaction; none outside one or for the system. */
function passedChecks(context: EngineContext): Map<string, number> | undefined {
	const active = activeTransaction.getStore();
	if (!active || !context.accountability) return undefined;
	let passed = active.checked.get(context.accountability);
	if (!passed) active.checked.set(context.accountability, (passed = new Map()));
	return passed;
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
	const variables = new DynamicVariables(context.accountability, systemReader(context));
	return keysMatching(context, model, possibleKeys(context, model, given), permission?.filter, variables);
}
