import type { Accountability } from '@mantle/extensions-sdk';
import type { PermissionProvider } from '../permissions/types.js';
import type { SchemaStore } from '../schema/schema-store.js';

/** Dynamic variables whose value differs between callers that share a permission set. */
const perCaller = '$CURRENT_';

/**
 * Decides which subscribers may share one read of a changed row. Callers with the same
 * policies see the same rows unless a read rule they are bound by names the caller
 * (`$CURRENT_USER`, `$CURRENT_ROLE` …): then each caller is a group of its own. The answer is
 * kept per policy set until permissions or the data model change (`reset()`).
 */
export class UserDependence {
	private readonly cache = new Map<string, Promise<boolean>>();
	/** Keys already worked out, per caller and query object: a change to a thousand subscribers then costs no await each. */
	private keys = new WeakMap<Accountability, WeakMap<object, string>>();
	private generation = 0;

	constructor(
		private readonly schema: SchemaStore,
		private readonly permissions: PermissionProvider,
	) {}

	/** The key under which subscribers' reads are shared; `query` is the subscription's normalized query. Synchronous once known. */
	groupKey(accountability: Accountability, query: object): string | Promise<string> {
		const known = this.keys.get(accountability)?.get(query);
		if (known !== undefined) return known;
		const generation = this.generation;
		return this.workOut(accountability, query).then((key) => {
			if (generation === this.generation) {
				let byQuery = this.keys.get(accountability);
				if (!byQuery) this.keys.set(accountability, (byQuery = new WeakMap()));
				byQuery.set(query, key);
			}
			return key;
		});
	}

	reset(): void {
		this.generation++;
		this.cache.clear();
		this.keys = new WeakMap();
	}

	private async workOut(accountability: Accountability, query: object): Promise<string> {
		if (accountability.admin) return JSON.stringify(query).includes(perCaller) ? `admin:${accountability.user}` : 'admin';
		const policies = `${accountability.user ? 'user' : 'public'}:${[...accountability.policies].sort().join(',')}`;
		const personal = JSON.stringify(query).includes(perCaller) || (await this.dependsOnCaller(policies, accountability));
		return personal ? `${policies}:${accountability.user}:${accountability.role}:${accountability.roles.join(',')}` : policies;
	}

	private dependsOnCaller(policies: string, accountability: Accountability): Promise<boolean> {
		let known = this.cache.get(policies);
		if (!known) {
			known = this.readRulesNameCaller(accountability);
			this.cache.set(policies, known);
			known.catch(() => this.cache.delete(policies));
		}
		return known;
	}

	/** Every collection is looked at, since nested fields and `*` reach related collections' rules too. */
	private async readRulesNameCaller(accountability: Accountability): Promise<boolean> {
		const overview = await this.schema.get();
		for (const collection of overview.collections.keys()) {
			const permission = await this.permissions.get(accountability, collection, 'read');
			if (!permission) continue;
			const rules = [permission.filter, permission.fieldRowRuleDefault, ...(permission.fieldRowRules?.values() ?? [])];
			if (JSON.stringify(rules).includes(perCaller)) return true;
		}
		return false;
	}
}
