import type { Accountability, Item, ItemsCapability, Router } from '@mantle/extensions-sdk';

interface ActionAccess {
	access: boolean;
	fields?: string[];
	presets?: Record<string, unknown> | null;
}

const actions = ['update', 'delete', 'share'] as const;

/**
 * `/permissions/me/:collection(/:item)`: whether the caller may update, delete and share one item
 * (or a singleton), as the Studio asks before offering those buttons. A rule with an item filter
 * counts only if the item matches it, checked through the data engine with the caller's own
 * accountability, so an item they cannot read is never reported as editable.
 */
export function registerItemPermissions(router: Router, items: ItemsCapability): void {
	const route = async (accountability: Accountability, collection: string, key: string | undefined) => {
		const service = items(collection, { accountability });
		const { primary } = await service.info();
		// A collection the caller may not read is FORBIDDEN, as if it did not exist.
		if (!accountability.admin) await service.readByQuery({ fields: [primary], limit: 1 });
		if (accountability.admin) return Object.fromEntries(actions.map((action) => [action, { access: true, fields: ['*'], presets: null }]));
		const rows =
			accountability.policies.length === 0
				? []
				: await items('directus_permissions').readByQuery({
						filter: { policy: { _in: accountability.policies }, collection: { _eq: collection }, action: { _in: [...actions] } },
						limit: -1,
					});
		const result: Record<string, ActionAccess> = Object.fromEntries(actions.map((action) => [action, { access: false }]));
		for (const row of rows) {
			if (!(await appliesTo(service, primary, row, key))) continue;
			const entry = result[String(row.action)]!;
			entry.access = true;
			if (row.action === 'update') {
				entry.fields = [...new Set([...(entry.fields ?? []), ...(Array.isArray(row.fields) ? row.fields.map(String) : [])])];
				entry.presets = { ...(entry.presets ?? {}), ...((row.presets as Record<string, unknown> | null) ?? {}) };
			}
		}
		return result;
	};
	router.get('/me/:collection', async ({ accountability, params }) => ({ body: { data: await route(accountability, params.collection!, undefined) } }));
	router.get('/me/:collection/:item', async ({ accountability, params }) => ({
		body: { data: await route(accountability, params.collection!, params.item!) },
	}));
}

async function appliesTo(service: ReturnType<ItemsCapability>, primary: string, row: Item, key: string | undefined): Promise<boolean> {
	const rule = (row.permissions ?? {}) as Record<string, unknown>;
	if (key === undefined || Object.keys(rule).length === 0) return true;
	const matches = await service.readByQuery({ filter: { _and: [rule, { [primary]: { _eq: key } }] }, fields: [primary], limit: 1 }).catch(() => []);
	return matches.length > 0;
}
