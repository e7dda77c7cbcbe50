import { createError, type MantleError } from '../../errors/index.js';
import type { CollectionPermission } from '../../permissions/types.js';
import type { EngineContext } from '../context.js';

export async function readPermission(context: EngineContext, collection: string): Promise<CollectionPermission> {
	const permission = await context.permissions.get(context.accountability, collection, 'read');
	if (!permission) throw createError('FORBIDDEN');
	return permission;
}

export function canRead(permission: CollectionPermission, field: string): boolean {
	return permission.fields === '*' || permission.fields.has(field);
}

/** The same answer for a field that is missing and one that is hidden, so neither is revealed. */
export function forbiddenField(_collection: string, _field: string): MantleError {
	return createError('FORBIDDEN');
}
