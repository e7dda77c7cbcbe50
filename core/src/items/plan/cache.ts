import type { Accountability } from '@mantle/extensions-sdk';
import type { ReadPlan } from './plan.js';

/** Plans one cache holds: far more query shapes than an application sends, and a few MB at most. */
export const defaultPlanCacheSize = 500;

/**
 * Read plans by collection, normalised query and caller, least recently used dropped first.
 * One cache belongs to one schema overview (see `DataEngine`), so a schema change drops it
 * whole; each plan checks on use that the permissions it was built from are still the
 * provider's current ones, so a change to access rules, heard on this instance or through the
 * invalidation bus, is in force from the very next request.
 */
export class PlanCache {
	private readonly plans = new Map<string, ReadPlan>();
	hits = 0;
	misses = 0;

	constructor(readonly size = defaultPlanCacheSize) {}

	get(key: string): ReadPlan | undefined {
		const plan = this.plans.get(key);
		if (!plan) {
			this.misses++;
			return undefined;
		}
		// Re-inserted, so the Map's order is the order of last use.
		this.plans.delete(key);
		this.plans.set(key, plan);
		this.hits++;
		return plan;
	}

	set(key: string, plan: ReadPlan): void {
		this.plans.delete(key);
		this.plans.set(key, plan);
		if (this.plans.size > this.size) this.plans.delete(this.plans.keys().next().value!);
	}

	delete(key: string): void {
		this.plans.delete(key);
	}

	get entries(): number {
		return this.plans.size;
	}

	clear(): void {
		this.plans.clear();
	}
}

/**
 * What a plan of this caller depends on besides the query: its policies and roles decide its
 * permissions, its user and role are what `$CURRENT_USER` and `$CURRENT_ROLE` stand for, and a
 * share or the self-service routes narrow them. The address and user agent change nothing.
 */
export function callerKey(accountability: Accountability | null): string {
	if (accountability === null) return 'system';
	const { admin, app, user, role, roles, policies } = accountability;
	const extra = accountability as Accountability & { selfService?: unknown; share?: unknown };
	return JSON.stringify([admin, app, user, role, roles, policies, extra.selfService ?? null, extra.share ?? null]);
}
