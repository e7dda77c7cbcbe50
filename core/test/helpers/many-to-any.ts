import { api } from './http.js';

type Response = { status: number; body: any };

/** The body of a response that succeeded; a failure stops the test naming the step. */
export async function ok(response: Response, what: string): Promise<any> {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

export interface ManyToAnyNames {
	/** The two member collections, and the field of each the tests write. */
	headings?: string;
	quotes?: string;
	/** Extra fields of the quotes member beside `text`. */
	quoteFields?: unknown[];
	/** The members are tables the test made itself (with names the API refuses): only the pages and the relations are created. */
	existingMembers?: boolean;
}

/**
 * Pages whose `blocks` are headings or quotes: `pages`, the junction `pages_blocks` (`pages_id`,
 * `item`, `collection`, `sort`) and the two member collections, named as asked so a test can use
 * names GraphQL must rename.
 */
export async function createPageBlocks(url: string, names: ManyToAnyNames = {}): Promise<{ headings: string; quotes: string }> {
	const headings = names.headings ?? 'headings';
	const quotes = names.quotes ?? 'quotes';
	const collection = (name: string, fields: unknown[]) =>
		api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields }).then((r) => ok(r, name));
	if (!names.existingMembers) {
		await collection(headings, [{ field: 'title', type: 'string' }]);
		await collection(quotes, [{ field: 'text', type: 'string' }, ...(names.quoteFields ?? [])]);
	}
	await collection('pages', [
		{ field: 'name', type: 'string' },
		{ field: 'blocks', type: 'alias', meta: { special: ['m2a'] } },
	]);
	await collection('pages_blocks', [
		{ field: 'pages_id', type: 'integer' },
		{ field: 'item', type: 'string' },
		{ field: 'collection', type: 'string' },
		{ field: 'sort', type: 'integer' },
	]);
	await ok(
		await api(url, 'POST', '/relations', {
			collection: 'pages_blocks',
			field: 'pages_id',
			related_collection: 'pages',
			meta: { one_field: 'blocks', junction_field: 'item', sort_field: 'sort' },
			schema: { on_delete: 'CASCADE' },
		}),
		'o2m',
	);
	await ok(
		await api(url, 'POST', '/relations', {
			collection: 'pages_blocks',
			field: 'item',
			related_collection: null,
			meta: { one_allowed_collections: [headings, quotes], one_collection_field: 'collection', junction_field: 'pages_id' },
		}),
		'm2a',
	);
	return { headings, quotes };
}
