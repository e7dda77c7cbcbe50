import type { Item, ItemsCapability, ItemsService, PrimaryKey } from './items.js';

/**
 * A many-to-many field through a junction collection (a role's `policies`, a policy's `roles`,
 * both lists of `directus_access` rows) as clients also send it: a plain list of the other
 * side's keys (`createRole({ policies: [policyId] })`). A key that is not a junction row is read
 * as `{ [junctionField]: key }`, so both shapes attach the item; keys of existing junction rows
 * keep their usual meaning. The write itself still runs with the caller's permissions on the
 * junction collection.
 */
export function withJunctionKeys(items: ItemsCapability, field: string, junctionField: string, junction = 'directus_access'): ItemsCapability {
	return ((collection, options) => {
		const service = items(collection, options);
		const access = items(junction, options);
		const expand = async <T extends Item>(data: T): Promise<T> => {
			const list = data?.[field];
			if (!Array.isArray(list)) return data;
			const bare = list.filter((entry): entry is PrimaryKey => typeof entry === 'string' || typeof entry === 'number');
			if (bare.length === 0) return data;
			const rows = await access.readMany(bare, { fields: ['id'] }).catch(() => []);
			const existing = new Set(rows.map((row) => String(row.id)));
			const entries = list.map((entry) => (bare.includes(entry) && !existing.has(String(entry)) ? { [junctionField]: entry } : entry));
			return { ...data, [field]: entries };
		};
		const expandAll = <T extends Item>(list: T[]) => Promise.all(list.map((data) => expand(data)));
		const wrapped: Partial<ItemsService> = {
			createOne: async (data) => service.createOne(await expand(data)),
			createMany: async (list) => service.createMany(await expandAll(list)),
			updateOne: async (key, data) => service.updateOne(key, await expand(data)),
			updateMany: async (keys, data) => service.updateMany(keys, await expand(data)),
			updateBatch: async (list) => service.updateBatch(await expandAll(list)),
			updateByQuery: async (query, data) => service.updateByQuery(query, await expand(data)),
		};
		// The service may be a class instance: its own methods stay bound to it.
		return new Proxy(service, {
			get(target, name) {
				const own = wrapped[name as keyof ItemsService];
				if (own) return own;
				const value: unknown = Reflect.get(target, name);
				return typeof value === 'function' ? value.bind(target) : value;
			},
		});
	}) as ItemsCapability;
}
