import { createItem, createItems, deleteItems, readItem, readItems, updateItem } from '../../commands/items.js';
import type { Query } from '../../schema.js';
import { contextFor, jsonArgument, parse, required, UsageError } from '../context.js';
import { record, table } from '../output.js';
import { readInput } from './input.js';

const queryOptions = {
	fields: { type: 'string' },
	filter: { type: 'string' },
	search: { type: 'string' },
	sort: { type: 'string' },
	limit: { type: 'string' },
	offset: { type: 'string' },
	page: { type: 'string' },
	data: { type: 'string' },
} as const;

function integer(name: string, value: string | undefined): number | undefined {
	if (value === undefined) return undefined;
	if (!/^-?\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number.`);
	return Number(value);
}

function queryOf(values: Record<string, string | boolean | undefined>): Query {
	const query: Query = {};
	if (typeof values.fields === 'string') query.fields = values.fields.split(',');
	if (typeof values.filter === 'string') query.filter = jsonArgument('filter', values.filter);
	if (typeof values.search === 'string') query.search = values.search;
	if (typeof values.sort === 'string') query.sort = values.sort.split(',');
	const limit = integer('limit', values.limit as string | undefined);
	const offset = integer('offset', values.offset as string | undefined);
	const page = integer('page', values.page as string | undefined);
	if (limit !== undefined) query.limit = limit;
	if (offset !== undefined) query.offset = offset;
	if (page !== undefined) query.page = page;
	return query;
}

export const itemsUsage = `mantle-client items list COLLECTION [--fields a,b.c] [--filter JSON] [--search S] [--sort=-a,b] [--limit N] [--offset N] [--page N]
mantle-client items get COLLECTION ID [--fields a,b]
mantle-client items create COLLECTION [--data JSON | < file.json]
mantle-client items update COLLECTION ID [--data JSON | < file.json]
mantle-client items delete COLLECTION ID...`;

export async function items(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, queryOptions);
	const ctx = contextFor(values);
	const [action, collection, ...keys] = positionals;
	if (!action || !['list', 'get', 'create', 'update', 'delete'].includes(action)) throw new UsageError(`Usage:\n${itemsUsage}`);
	const name = required(collection, 'the collection name');
	const query = queryOf(values);
	const client = ctx.client();
	const out = ctx.output;
	switch (action) {
		case 'list': {
			const rows = await client.request(readItems(name, query));
			out.print(rows, () => table(rows));
			return;
		}
		case 'get': {
			const row = await client.request(readItem(name, required(keys[0], 'the item id'), query));
			out.print(row, () => record(row));
			return;
		}
		case 'create': {
			const data = jsonArgument('data', values.data ?? (await readInput('--data')));
			const created = Array.isArray(data) ? await client.request(createItems(name, data, query)) : await client.request(createItem(name, data, query));
			out.print(created, () => (Array.isArray(created) ? table(created) : record(created)));
			return;
		}
		case 'update': {
			const key = required(keys[0], 'the item id');
			const updated = await client.request(updateItem(name, key, jsonArgument('data', values.data ?? (await readInput('--data'))), query));
			out.print(updated, () => record(updated));
			return;
		}
		case 'delete': {
			if (keys.length === 0) throw new UsageError('Missing the ids of the items to delete.');
			await client.request(deleteItems(name, keys));
			out.print({ deleted: keys }, () => `Deleted ${keys.length} item${keys.length === 1 ? '' : 's'} from ${name}.`);
		}
	}
}
