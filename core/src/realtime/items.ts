import type { Accountability, Item, PrimaryKey } from '@mantle/extensions-sdk';
import type { DataEngine } from '../items/engine.js';
import { createError } from '../errors/index.js';

const isKey = (value: unknown): value is PrimaryKey => typeof value === 'string' || typeof value === 'number';
const isItem = (value: unknown): value is Item => typeof value === 'object' && value !== null && !Array.isArray(value);

function keysOf(message: Record<string, unknown>): PrimaryKey[] | undefined {
	if (message.ids === undefined) return undefined;
	if (!Array.isArray(message.ids) || !message.ids.every(isKey)) throw createError('realtimeIdsInvalid');
	return message.ids;
}

/**
 * The `items` message: create, read, update or delete items of a collection over the socket,
 * through the data engine as the socket's caller, so every permission, hook and activity entry
 * is the same as for the REST request. Writes answer the written items read back as the
 * caller may see them (with the message's `query`), deletes the deleted keys.
 */
export async function itemsAction(engine: DataEngine, accountability: Accountability, message: Record<string, unknown>): Promise<unknown> {
	if (typeof message.collection !== 'string' || message.collection === '') throw createError('realtimeCollectionRequired');
	const service = await engine.service(message.collection, accountability);
	const query = (message.query ?? {}) as Record<string, unknown>;
	const id = message.id;
	if (id !== undefined && !isKey(id)) throw createError('realtimeIdInvalid');
	const ids = keysOf(message);
	const data = message.data;
	const readBack = async (keys: PrimaryKey[], single: boolean) => {
		const items = await service.readMany(keys, query).catch(() => []);
		return single ? (items[0] ?? null) : items;
	};

	switch (message.action) {
		case 'create': {
			if (Array.isArray(data)) return readBack(await service.createMany(data), false);
			if (!isItem(data)) throw createError('realtimeCreateDataInvalid');
			return readBack([await service.createOne(data)], true);
		}
		case 'read': {
			if (id !== undefined) return service.readOne(id, query);
			if (ids) return service.readMany(ids, query);
			return service.readByQuery(query);
		}
		case 'update': {
			if (Array.isArray(data)) return readBack(await service.updateBatch(data), false);
			if (!isItem(data)) throw createError('realtimeUpdateDataInvalid');
			if (id !== undefined) return readBack([await service.updateOne(id, data)], true);
			if (ids) return readBack(await service.updateMany(ids, data), false);
			// Changing every row must be asked for with a query, never by leaving the keys out.
			if (message.query === undefined) throw createError('realtimeUpdateNeedsTarget');
			return readBack(await service.updateByQuery(query, data), false);
		}
		case 'delete': {
			if (id !== undefined) return service.deleteOne(id);
			if (ids) return service.deleteMany(ids);
			if (message.query !== undefined) return service.deleteByQuery(query);
			throw createError('realtimeDeleteNeedsTarget');
		}
		default:
			throw createError('realtimeActionUnknown');
	}
}
