import { api } from '../lib/api.js';

type Options = Record<string, unknown>;

export interface Point {
	label: string;
	value: number;
}

const fnOf = (options: Options) => (typeof options.function === 'string' && options.function ? options.function : 'count');
const fieldOf = (options: Options) => (typeof options.field === 'string' && options.field ? options.field : '*');
const filterOf = (options: Options) => (options.filter && typeof options.filter === 'object' ? { filter: options.filter } : {});
const path = (options: Options) => {
	if (typeof options.collection !== 'string' || !options.collection) throw new Error('Choose a collection for this panel.');
	return `/items/${encodeURIComponent(options.collection)}`;
};

/** An aggregate answers `{ count: 3 }` for `count=*` and `{ sum: { views: 340 } }` for a field. */
function aggregateValue(row: Record<string, unknown>, fn: string, field: string): number {
	const value = row[fn];
	const picked = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[field] : value;
	return Number(picked ?? 0);
}

/** One number: the function over the filtered items, as the viewer may see them. */
export async function metric(options: Options): Promise<number> {
	const fn = fnOf(options);
	const field = fieldOf(options);
	const [row] = await api.get<Array<Record<string, unknown>>>(path(options), { aggregate: { [fn]: field }, ...filterOf(options) });
	return row ? aggregateValue(row, fn, field) : 0;
}

/** The function per value of a field, largest first. */
export async function grouped(options: Options): Promise<Point[]> {
	const fn = fnOf(options);
	const field = fieldOf(options);
	const group = String(options.groupField ?? '');
	if (!group) throw new Error('Choose the field to group by.');
	const rows = await api.get<Array<Record<string, unknown>>>(path(options), { aggregate: { [fn]: field }, groupBy: [group], ...filterOf(options), limit: -1 });
	return rows
		.map((row) => ({ label: row[group] === null || row[group] === undefined ? '—' : String(row[group]), value: aggregateValue(row, fn, field) }))
		.sort((a, b) => b.value - a.value);
}

/** The function per year, month or day of a date field, in time order. */
export async function series(options: Options): Promise<Point[]> {
	const fn = fnOf(options);
	const field = fieldOf(options);
	const date = String(options.dateField ?? '');
	if (!date) throw new Error('Choose the date field.');
	const precision = ['year', 'month', 'day'].includes(String(options.precision)) ? String(options.precision) : 'month';
	const parts = ['year', 'month', 'day'].slice(0, ['year', 'month', 'day'].indexOf(precision) + 1);
	const groupBy = parts.map((part) => `${part}(${date})`);
	const rows = await api.get<Array<Record<string, unknown>>>(path(options), {
		aggregate: { [fn]: field },
		groupBy,
		...filterOf(options),
		filter: { _and: [{ [date]: { _nnull: true } }, ...(options.filter && typeof options.filter === 'object' ? [options.filter] : [])] },
		limit: -1,
	});
	const label = (row: Record<string, unknown>) => parts.map((part) => String(row[`${date}_${part}`] ?? '').padStart(part === 'year' ? 4 : 2, '0')).join('-');
	return rows.map((row) => ({ label: label(row), value: aggregateValue(row, fn, field) })).sort((a, b) => a.label.localeCompare(b.label));
}

/** The first items by the chosen sort, with the one field shown. */
export async function list(options: Options): Promise<Array<{ key: unknown; text: string }>> {
	const shown = String(options.displayField ?? '') || 'id';
	const limit = Math.min(100, Math.max(1, Number(options.limit ?? 5) || 5));
	const rows = await api.get<Array<Record<string, unknown>>>(path(options), {
		fields: [shown],
		...(typeof options.sort === 'string' && options.sort ? { sort: [options.sort] } : {}),
		...filterOf(options),
		limit,
	});
	return rows.map((row, index) => ({ key: index, text: row[shown] === null || row[shown] === undefined ? '—' : String(row[shown]) }));
}
