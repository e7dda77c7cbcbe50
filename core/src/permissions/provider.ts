import type { Knex } from 'knex';
import type { Accountability, Filter } from '@mantle/extensions-sdk';
import { currentKnex } from '../items/transaction-context.js';
import { fullPermission, type CollectionPermission, type PermissionAction, type PermissionProvider } from './types.js';

interface PermissionRow {
	collection: string;
	action: string;
	permissions: unknown;
	validation: unknown;
	presets: unknown;
	fields: string | null;
	policy: string;
}

type PermissionSet = Map<string, CollectionPermission>;

/**
 * Permissions from `mantle_permissions`, merged over the caller's policies: a field or row one
 * policy allows is allowed. Loaded once per distinct set of policies and kept until a change to
 * permissions, policies, access or roles invalidates them all.
 */
export class PolicyPermissions implements PermissionProvider {
	private readonly sets = new Map<string, Promise<PermissionSet>>();

	constructor(private readonly knex: Knex) {}

	async get(accountability: Accountability | null, collection: string, action: PermissionAction): Promise<CollectionPermission | null> {
		if (accountability === null || accountability.admin) return fullPermission;
		const key = [...accountability.policies].sort().join(',');
		let set = this.sets.get(key);
		if (!set) {
			set = this.load(accountability.policies).catch((error: unknown) => {
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

	private async load(policies: string[]): Promise<PermissionSet> {
		const set: PermissionSet = new Map();
		if (policies.length === 0) return set;
		const rows: PermissionRow[] = await currentKnex(this.knex)('mantle_permissions').select('*').whereIn('policy', policies);
		const grouped = new Map<string, PermissionRow[]>();
		for (const row of rows) grouped.set(`${row.collection}:${row.action}`, [...(grouped.get(`${row.collection}:${row.action}`) ?? []), row]);
		for (const [key, group] of grouped) set.set(key, merge(group));
		return set;
	}
}

function json(value: unknown): Record<string, unknown> | null {
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	return parsed && typeof parsed === 'object' && Object.keys(parsed).length > 0 ? (parsed as Record<string, unknown>) : null;
}

function merge(rows: PermissionRow[]): CollectionPermission {
	const fields = new Set<string>();
	let everyField = false;
	const filters: Filter[] = [];
	let everyRow = false;
	const validations: Filter[] = [];
	let presets: Record<string, unknown> | null = null;
	for (const row of rows) {
		const names = (row.fields ?? '').split(',').map((name) => name.trim()).filter(Boolean);
		if (names.includes('*')) everyField = true;
		for (const name of names) fields.add(name);
		const filter = json(row.permissions);
		if (filter) filters.push(filter);
		else everyRow = true;
		const validation = json(row.validation);
		if (validation) validations.push(validation);
		const preset = json(row.presets);
		if (preset) presets = { ...(presets ?? {}), ...preset };
	}
	return {
		fields: everyField ? '*' : fields,
		filter: everyRow ? null : filters.length === 1 ? filters[0]! : { _or: filters },
		validation: validations.length === 0 || validations.length < rows.length ? null : validations.length === 1 ? validations[0]! : { _or: validations },
		presets,
	};
}
