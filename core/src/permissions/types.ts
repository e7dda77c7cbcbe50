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
}

export interface PermissionProvider {
	/** The caller's permission, or `null` when they may not do this at all. Admins and the system get everything. */
	get(accountability: Accountability | null, collection: string, action: PermissionAction): Promise<CollectionPermission | null>;
}

export const fullPermission: CollectionPermission = Object.freeze({ fields: '*', filter: null, validation: null, presets: null });
