import type { PrimaryKey } from '@mantle/extensions-sdk';
import type { EngineContext } from '../context.js';
import type { CollectionModel } from '../schema-index.js';
import { rowReader } from '../values/cache.js';

/** Keys as the driver returned them, read like the primary key field reads (bigints, UUIDs ...). */
export function readKeys(context: EngineContext, model: CollectionModel, keys: unknown[]): PrimaryKey[] {
	const read = rowReader(model, [model.fields.get(model.primary)!], context.dialect);
	return keys.map((key) => read({ [model.primary]: key })[model.primary] as PrimaryKey);
}
