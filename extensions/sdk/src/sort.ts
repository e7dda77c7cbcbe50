import type { Accountability } from './accountability.js';
import { createError } from './errors.js';
import type { ItemsCapability, PrimaryKey } from './items.js';
import type { SchemaCapability } from './schema.js';

/**
 * Moves `item` to where `to` is in the collection's sort field, shifting the items between by one,
 * as dragging a row in the Studio does. Every read and write goes through the caller's
 * permissions; rows without a sort value are numbered first. `/utils/sort` and GraphQL's
 * `utils_sort` both answer with it.
 */
export async function moveItem(
	capabilities: { items: ItemsCapability; schema: SchemaCapability },
	accountability: Accountability,
	collection: string,
	item: unknown,
	to: unknown,
): Promise<void> {
	if (!isKey(item) || !isKey(to)) throw createError('sortKeysInvalid');
	const info = await capabilities.schema.collections.read(accountability, collection);
	const sortField = (info.meta as { sort_field?: unknown } | null)?.sort_field;
	if (typeof sortField !== 'string' || sortField === '') throw createError('noSortField', { collection });
	const service = capabilities.items(collection, { accountability });
	const { primary } = await service.info();

	const read = async () => {
		const rows = await service.readByQuery({ fields: [primary, sortField], filter: { [primary]: { _in: [item, to] } }, limit: 2 });
		const of = (key: PrimaryKey) => rows.find((row) => String(row[primary]) === String(key));
		const [moved, target] = [of(item), of(to)];
		if (!moved || !target) throw createError('FORBIDDEN');
		return [moved[sortField], target[sortField]] as const;
	};
	let [from, place] = await read();
	if (!isNumber(from) || !isNumber(place)) {
		const all = await service.readByQuery({ fields: [primary], sort: [sortField, primary], limit: -1 });
		await service.updateBatch(all.map((row, index) => ({ [primary]: row[primary], [sortField]: index + 1 })));
		[from, place] = await read();
	}
	const [start, end] = [Number(from), Number(place)];
	if (start === end) return;
	const between = await service.readByQuery({
		fields: [primary, sortField],
		filter:
			start < end
				? { _and: [{ [sortField]: { _gt: start } }, { [sortField]: { _lte: end } }] }
				: { _and: [{ [sortField]: { _gte: end } }, { [sortField]: { _lt: start } }] },
		limit: -1,
	});
	const shift = start < end ? -1 : 1;
	await service.updateBatch([
		...between.filter((row) => String(row[primary]) !== String(item)).map((row) => ({ [primary]: row[primary], [sortField]: Number(row[sortField]) + shift })),
		{ [primary]: item, [sortField]: end },
	]);
}

function isKey(value: unknown): value is PrimaryKey {
	return (typeof value === 'string' && value !== '') || (typeof value === 'number' && Number.isFinite(value));
}

function isNumber(value: unknown): boolean {
	return value !== null && value !== undefined && value !== '' && Number.isFinite(Number(value));
}
