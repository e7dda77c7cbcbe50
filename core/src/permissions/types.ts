import type { Accountability, Filter } from '@mantle/extensions-sdk';

export type PermissionAction = 'create' | 'read' | 'update' | 'delete' | 'share';

/**
 * What the caller may do with one collection for one action, merged over all their policies.
 * `fields` is `'*'` or the allowed names; `filter` is the row rule (`null` = every row), still
 * holding dynamic variables, which the engine resolves per call.
 */
export interface CollectionPermission {
	fields: '*' | ReadonlySet<string>;
	filter: Filter | null;
	/** Rules the payload must satisfy on create/update (filter syntax, applied to the payload). */
	validation: Filter | null;
	/** Default values merged under the payload on create. */
	presets: Record<string, unknown> | null;
	/**
	 * Fields only some of the caller's policies allow, with the rows those policies allow: such a
	 * field is visible on a row only where that rule holds (it reads as null elsewhere). Fields
	 * not named here follow `fieldRowRuleDefault` when it is set, else `filter` alone.
	 */
	fieldRowRules?: ReadonlyMap<string, Filter>;
	fieldRowRuleDefault?: Filter;
}

export interface PermissionProvider {
	/** The caller's permission, or `null` when they may not do this at all. Admins and the system get everything. */
	get(accountability: Accountability | null, collection: string, action: PermissionAction): Promise<CollectionPermission | null>;
}

export const fullPermission: CollectionPermission = Object.freeze({ fields: '*', filter: null, validation: null, presets: null });

/**
 * The rows on which `field` may be seen, beyond the permission's own row rule: `null` when the
 * field is visible on every row the caller may read at all.
 */
export function fieldRowRule(permission: CollectionPermission, field: string): Filter | null {
	return permission.fieldRowRules?.get(field) ?? permission.fieldRowRuleDefault ?? null;
}

/** A row of `mantle_permissions`, as read before it is merged per collection. */
export interface PermissionRow {
	collection: string;
	action: string;
	permissions: unknown;
	validation: unknown;
	presets: unknown;
	fields: string | null;
	policy: string;
}
