import type { Knex } from 'knex';
import type { Accountability, Filter } from '@mantle/extensions-sdk';
import { currentKnex } from '../items/transaction-context.js';
import { isSelfService, selfServicePermissions } from './self-service.js';
import { fullPermission, type CollectionPermission, type PermissionAction, type PermissionProvider, type PermissionRow } from './types.js';

export type { PermissionRow } from './types.js';

type PermissionSet = Map<string, CollectionPermission>;

/**
 * Permissions from `mantle_permissions`, merged over the caller's policies, plus, on the
 * self-service routes (`/users/me`), the built-in permissions every signed-in user holds on their
 * own user. A row one policy allows
 * is allowed; a field is visible on a row only where a policy allowing that field allows that
 * row. Loaded once per distinct set of policies and kept until a change to permissions,
 * policies, access or roles invalidates them all.
 */
export class PolicyPermissions implements PermissionProvider {
	private readonly sets = new Map<string, Promise<PermissionSet>>();

	constructor(private readonly knex: Knex) {}

	async get(accountability: Accountability | null, collection: string, action: PermissionAction): Promise<CollectionPermission | null> {
		if (accountability === null || accountability.admin) return fullPermission;
		const signedIn = Boolean(accountability.user) && isSelfService(accountability);
		const key = `${signedIn ? 'self' : 'policies'}:${[...accountability.policies].sort().join(',')}`;
		let set = this.sets.get(key);
		if (!set) {
			set = this.load(accountability.policies, signedIn).catch((error: unknown) => {
				this.sets.delete(key);
				throw error;
			});
			this.sets.set(key, set);
		}
		return (await set).get(`${collection}:${action}`) ?? null;
	}

	invalidate(): void {
		this.sets.clear();
	}

	private async load(policies: string[], signedIn: boolean): Promise<PermissionSet> {
		const rows: PermissionRow[] = policies.length === 0 ? [] : await currentKnex(this.knex)('mantle_permissions').select('*').whereIn('policy', policies);
		if (signedIn) rows.push(...selfServicePermissions);
		const grouped = new Map<string, PermissionRow[]>();
		for (const row of rows) grouped.set(`${row.collection}:${row.action}`, [...(grouped.get(`${row.collection}:${row.action}`) ?? []), row]);
		const set: PermissionSet = new Map();
		for (const [key, group] of grouped) set.set(key, merge(group));
		return set;
	}
}

function json(value: unknown): Record<string, unknown> | null {
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	return parsed && typeof parsed === 'object' && Object.keys(parsed).length > 0 ? (parsed as Record<string, unknown>) : null;
}

function fieldNames(row: PermissionRow): string[] {
	return (row.fields ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
}

/** The row rule of the rows allowing something, or `undefined` when that adds nothing to the merged rule. */
function ruleOf(allowing: PermissionRow[], all: PermissionRow[]): Filter | undefined {
	if (allowing.length === all.length) return undefined;
	const filters = allowing.map((row) => json(row.permissions));
	if (filters.some((filter) => filter === null)) return undefined;
	return filters.length === 1 ? filters[0]! : { _or: filters as Filter[] };
}

export function merge(rows: PermissionRow[]): CollectionPermission {
	const names = rows.map(fieldNames);
	const explicit = new Set(names.flat().filter((name) => name !== '*'));
	const starRows = rows.filter((_row, index) => names[index]!.includes('*'));
	const filters: Filter[] = [];
	let everyRow = false;
	const validations: Filter[] = [];
	let presets: Record<string, unknown> | null = null;
	for (const row of rows) {
		const filter = json(row.permissions);
		if (filter) filters.push(filter);
		else everyRow = true;
		const validation = json(row.validation);
		if (validation) validations.push(validation);
		const preset = json(row.presets);
		if (preset) presets = { ...(presets ?? {}), ...preset };
	}
	const fieldRowRules = new Map<string, Filter>();
	for (const field of explicit) {
		const rule = ruleOf(
			rows.filter((_row, index) => names[index]!.includes(field) || names[index]!.includes('*')),
			rows,
		);
		if (rule) fieldRowRules.set(field, rule);
	}
	const permission: CollectionPermission = {
		fields: starRows.length > 0 ? '*' : explicit,
		filter: everyRow ? null : filters.length === 1 ? filters[0]! : { _or: filters },
		validation: validations.length === 0 || validations.length < rows.length ? null : validations.length === 1 ? validations[0]! : { _or: validations },
		presets,
	};
	if (fieldRowRules.size > 0) permission.fieldRowRules = fieldRowRules;
	const starRule = starRows.length > 0 ? ruleOf(starRows, rows) : undefined;
	if (starRule) permission.fieldRowRuleDefault = starRule;
	return permission;
}
