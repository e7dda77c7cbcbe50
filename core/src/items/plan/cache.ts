import type { Accountability } from '@mantle/extensions-sdk';

/** Plans one cache holds: far more query shapes than an application sends, and a few MB at most. */
export const defaultPlanCacheSize = 500;

/**
 * Read plans by collection, normalised query and caller, least recently used dropped first.
 * One cache belongs to one schema overview (see `DataEngine`), so a schema change drops it
 * whole; each plan checks on use that the permissions it was built from are still the
 * provider's current ones, so a change to access rules, heard on this instance or through the
 * invalidation bus, is in force from the very next request. Generic over the plan, so the
 * engine's context can carry a cache without importing what a plan is made of (which imports the context).
 */
export class PlanCache<Plan = unknown> {
	private readonly plans = new Map<string, Plan>();
	/** Shapes whose plans compile in the caller's own user: planned per user, not per set of permissions. */
	private readonly perUser = new Set<string>();
	hits = 0;
	misses = 0;

	constructor(readonly size = defaultPlanCacheSize) {}

	get(key: string): Plan | undefined {
		const plan = this.plans.get(key);
		if (!plan) return undefined;
		// Re-inserted, so the Map's order is the order of last use.
		this.plans.delete(key);
		this.plans.set(key, plan);
		return plan;
	}

	/** Counts a read that reused a plan (`true`) or had to plan (`false`, including a plan found out of date). */
	count(reused: boolean): void {
		if (reused) this.hits++;
		else this.misses++;
	}

	set(key: string, plan: Plan): void {
		this.plans.delete(key);
		this.plans.set(key, plan);
		if (this.plans.size > this.size) this.plans.delete(this.plans.keys().next().value!);
	}

	delete(key: string): void {
		this.plans.delete(key);
	}

	isPerUser(shape: string): boolean {
		return this.perUser.has(shape);
	}

	markPerUser(shape: string): void {
		// Bounded like the plans: forgetting a shape costs one plan that is then not kept.
		if (this.perUser.size >= this.size) this.perUser.clear();
		this.perUser.add(shape);
	}

	get entries(): number {
		return this.plans.size;
	}

	clear(): void {
		this.plans.clear();
		this.perUser.clear();
	}
}

/**
 * What a plan of this caller depends on besides the query: its policies and roles decide its
 * permissions, its role is what `$CURRENT_ROLE` stands for, and a share or the self-service
 * routes narrow them. The user is added only to shapes whose plan names `$CURRENT_USER` (see
 * `markPerUser`), so users of one role share the rest. The address and user agent change nothing.
 */
export function permissionKey(accountability: Accountability | null): string {
	if (accountability === null) return 'system';
	const { admin, app, role, roles, policies } = accountability;
	const extra = accountability as Accountability & { selfService?: unknown; share?: unknown };
	return JSON.stringify([admin, app, role, roles, policies, extra.selfService ?? null, extra.share ?? null]);
}
