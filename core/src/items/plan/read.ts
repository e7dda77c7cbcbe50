import type { Item, PrimaryKey } from '@mantle/extensions-sdk';
import { noteCollectionsRead, noteUserBound, recordingReads } from '../../cache/read-scope.js';
import { buildReadNode } from '../ast/build.js';
import { canRead } from '../ast/permission-fields.js';
import type { EngineContext } from '../context.js';
import type { NormalizedQuery } from '../query/types.js';
import { runRead } from '../read/run.js';
import type { CollectionModel } from '../schema-index.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import { coerceFilterValue } from '../sql/filter-values.js';
import { permissionKey, type PlanCache } from './cache.js';
import { ReadPlan } from './plan.js';

/** The filter a by-key read was given (see `keyFilter`): its keys, and the caller's own filter beside them. */
const keyFilters = new WeakMap<object, { keys: PrimaryKey[]; rest: NormalizedQuery['filter']; text: string }>();

/** Keys beyond which a by-key read is planned as an ordinary filter (one statement keeps their order). */
const maxPlannedKeys = 1000;

/**
 * The filter of a read by key: the keys, ANDed with the caller's filter. Such a read is planned
 * once for every key (the key is a binding of the statement, not part of the plan), as long as
 * no hook has changed the filter on the way.
 */
export function keyFilter(model: CollectionModel, filter: NormalizedQuery['filter'], keys: PrimaryKey[]): NonNullable<NormalizedQuery['filter']> {
	const byKey = { [model.primary]: keys.length === 1 ? { _eq: keys[0] } : { _in: keys } };
	const combined = filter ? { _and: [filter, byKey] } : byKey;
	if (keys.length <= maxPlannedKeys) keyFilters.set(combined, { keys, rest: filter, text: JSON.stringify(combined) });
	return combined;
}

/**
 * Runs a read through the engine's plan cache: a query of a shape this caller has asked before
 * skips planning, permission checks already made and knex's SQL building. Without a cache (a
 * context built outside the engine) it plans every time.
 */
export async function plannedRead(context: EngineContext, model: CollectionModel, query: NormalizedQuery, variables: DynamicVariables): Promise<Item[]> {
	// The context carries the cache untyped (see PlanCache); the engine only ever stores read plans in it.
	const plans = context.plans as PlanCache<ReadPlan> | undefined;
	if (!plans) return runRead(context, await buildReadNode(context, model.collection, query), variables);
	const given = query.filter ? keyFilters.get(query.filter) : undefined;
	// A hook may have changed the filter in place: then it is planned as the filter it now is.
	const byKey = given && JSON.stringify(query.filter) === given.text ? given : undefined;
	const keys = byKey ? await restrictingKeys(context, model, byKey.keys) : undefined;
	const shape = keys ? { ...query, filter: byKey!.rest } : query;
	const restrict = keys ? { column: model.primary, values: keys } : undefined;
	const shapeKey = `${model.collection}\u0000${permissionKey(context.accountability)}\u0000${keys ? 'keys' : 'query'}\u0000${JSON.stringify(shape)}`;
	const perUser = plans.isPerUser(shapeKey);
	const key = perUser ? `${shapeKey}\u0000${context.accountability?.user ?? ''}` : shapeKey;

	const found = plans.get(key);
	const known = found && (await found.current(context)) ? found : undefined;
	plans.count(Boolean(known));
	if (known) {
		// What the plan compiled in was resolved from the user when it was made; the data cache must still hear of it.
		if (known.perUser) noteUserBound();
		noteCollectionsRead(known.collections);
		const items = await runRead(context, known.node, variables, { plan: known, restrict });
		if (known.stale) forget(plans, shapeKey, key, variables);
		return items;
	}
	const plan = new ReadPlan(perUser);
	// Planning and the first run (which prepares each level) resolve every collection the plan
	// depends on; later runs of the plan do not, so it keeps the list for the data cache.
	const items = await recordingReads(plan.collections, async () => {
		plan.node = await buildReadNode(plan.recording(context), model.collection, shape);
		return runRead(context, plan.node, variables, { plan, restrict });
	});
	if (plan.stale) forget(plans, shapeKey, key, variables);
	else plans.set(key, plan);
	return items;
}

/** Drops a plan a level could not be kept in; a shape that turned out to name the user is planned per user from now on. */
function forget(plans: PlanCache<ReadPlan>, shapeKey: string, key: string, variables: DynamicVariables): void {
	plans.delete(key);
	if (variables.userBound) plans.markPerUser(shapeKey);
}

/**
 * The keys as the filter would have compared them, refused as it would have refused them; or
 * `undefined` when the key field is one the filter would have refused to compare at all, so the
 * read goes the ordinary way and fails as it always did.
 */
async function restrictingKeys(context: EngineContext, model: CollectionModel, keys: PrimaryKey[]): Promise<unknown[] | undefined> {
	const permission = await context.permissions.get(context.accountability, model.collection, 'read');
	const field = model.fields.get(model.primary);
	if (!permission || !field || !canRead(permission, model.primary) || model.concealed.has(model.primary)) return undefined;
	const coerced = coerceFilterValue(context, field, field.type, keys.length === 1 ? '_eq' : '_in', keys.length === 1 ? keys[0] : keys);
	return keys.length === 1 ? [coerced] : (coerced as unknown[]);
}
