export const actions = ['create', 'read', 'update', 'delete', 'share'] as const;
export type Action = (typeof actions)[number];

/** One row of `/permissions`: what a policy allows on one collection for one action. */
export interface Permission {
	id?: number | string;
	policy: string;
	collection: string;
	action: Action;
	fields: string[] | null;
	permissions: Record<string, unknown> | null;
	validation: Record<string, unknown> | null;
	presets: Record<string, unknown> | null;
}

export type Access = 'none' | 'all' | 'custom';

const empty = (value: unknown) => value == null || (typeof value === 'object' && Object.keys(value as object).length === 0);

/** How a matrix cell reads: no row, a row that allows every field of every row, or anything narrower. */
export function accessOf(permission: Permission | undefined): Access {
	if (!permission) return 'none';
	const everyField = (permission.fields ?? []).includes('*');
	return everyField && empty(permission.permissions) && empty(permission.validation) && empty(permission.presets) ? 'all' : 'custom';
}

export const fullAccess = { fields: ['*'], permissions: null, validation: null, presets: null };

/** A policy as `/policies` returns it. */
export interface Policy {
	id: string;
	name: string;
	icon?: string | null;
	description?: string | null;
	admin_access: boolean;
	app_access: boolean;
	enforce_tfa: boolean;
	ip_access: string[] | string | null;
}

export interface Role {
	id: string;
	name: string;
	icon?: string | null;
	description?: string | null;
	parent: string | null;
}

export interface AccessRow {
	id: number | string;
	role: string | null;
	user: string | null;
	policy: string;
}

/** The role and the roles it is nested in, nearest first, as the kernel walks them; a loop ends the walk. */
export function roleChain(role: string | null, roles: Role[]): string[] {
	const parents = new Map(roles.map((candidate) => [candidate.id, candidate.parent]));
	const chain: string[] = [];
	for (let current = role; current && !chain.includes(current); current = parents.get(current) ?? null) chain.push(current);
	return chain;
}
