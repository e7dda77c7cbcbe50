import { api, type Envelope, type Query } from '../lib/api.js';
import { forgetPreset, loadPreset, prefetchPreset, rulesOf, type Preset } from '../lib/presets.js';
import { collectionOf, fieldsOf, primaryKeyOf, relatedCollection, resolvePath, schema, schemaLoaded, titleFields, type Schema } from '../lib/schema.js';
import { rulesToFilter, type Rule } from './filter.js';

/** What a collection's browser shows: the layout and its query, search and filter rules. */
export interface State {
	layout: string;
	fields: string[];
	sort: string[];
	limit: number;
	page: number;
	search: string;
	rules: Rule[];
	options: Record<string, Record<string, unknown>>;
}

type Rows = Record<string, unknown>[];

function defaultFields(collection: string, model: Schema): string[] {
	const visible = fieldsOf(collection, model).filter((field) => !field.meta?.hidden && field.type !== 'alias' && !field.meta?.special?.includes('o2m'));
	return visible.slice(0, 5).map((field) => field.field);
}

/** The view a saved preset (or bookmark) describes, or the defaults where there is none. */
export function initialState(collection: string, shown: Preset | null, search: URLSearchParams, model = schema.get()): State {
	const layout = shown?.layout ?? 'table';
	const query = shown?.layout_query?.[layout] ?? {};
	return {
		layout,
		fields: query.fields?.length ? query.fields : defaultFields(collection, model),
		sort: query.sort ?? [],
		limit: query.limit ?? 25,
		page: Number(search.get('page') ?? 1) || 1,
		search: shown?.search ?? '',
		rules: shown ? (rulesOf(shown) as Rule[]) : [],
		options: shown?.layout_options ?? {},
	};
}

/**
 * The paths to read for the chosen columns: a column that is itself a relation (`author`) reads
 * the related item's title fields, so it shows a name rather than a key.
 */
export function queryFields(collection: string, columns: string[], model: Schema): string[] {
	return columns.flatMap((path) => {
		const field = resolvePath(collection, path, model);
		const special = field?.meta?.special ?? [];
		if (!field || !special.some((kind) => ['m2o', 'file', 'o2m'].includes(kind))) return [path];
		const related = relatedCollection(field.collection, field.field, model);
		return related
			? titleFields(related, model)
					.filter((inner) => inner !== '*')
					.map((inner) => `${path}.${inner}`)
					.concat(titleFields(related, model).includes('*') ? [`${path}.*`] : [])
			: [path];
	});
}

function cardFields(collection: string, model: Schema): string[] {
	const image = fieldsOf(collection, model).find((field) => field.meta?.special?.includes('file') || field.meta?.interface === 'image');
	return image ? [`${image.field}.id`, `${image.field}.type`, `${image.field}.title`] : [];
}

/** The `/items` query for a view: its columns (with relational titles), order, page, search and filter. */
export function itemsQuery(collection: string, state: State, model: Schema): Query {
	const fields = [
		...new Set([
			primaryKeyOf(collection, model),
			...queryFields(collection, state.fields, model),
			...(state.layout === 'cards' ? cardFields(collection, model) : []),
		]),
	];
	return {
		fields,
		sort: state.sort.length ? state.sort : undefined,
		limit: state.limit,
		page: state.page,
		search: state.search || undefined,
		filter: rulesToFilter(state.rules),
		meta: '*',
	};
}

const early = new Map<string, Promise<Envelope<Rows>>>();
const keyOf = (collection: string, query: Query) => `${collection} ${JSON.stringify(query)}`;

/** A page of items, taken from a read started early for exactly this query when there is one. */
export function fetchItems(collection: string, query: Query): Promise<Envelope<Rows>> {
	const key = keyOf(collection, query);
	const started = early.get(key);
	early.delete(key);
	return started ?? api.envelope<Rows>(`/items/${encodeURIComponent(collection)}`, query);
}

/**
 * On a deep link to a collection, reads the user's preset with the user, then the first page of
 * items as soon as the data model is known, while the layouts and displays are still loading: the table's
 * request leaves the critical path instead of waiting for them.
 */
export function prefetchBrowse(collection: string, search: URLSearchParams, signedIn: Promise<boolean>): void {
	// Asked alongside the user: a preset read by nobody signed in is dropped, never shown later.
	prefetchPreset(collection);
	void signedIn.then((yes) => yes || forgetPreset(collection));
	if (search.has('bookmark')) return;
	void Promise.all([loadPreset(collection, { keep: true }), schemaLoaded(), signedIn]).then(([found, , yes]) => {
		if (!yes) return;
		const model = schema.get();
		if (!collectionOf(collection, model) || collectionOf(collection, model)?.meta?.singleton) return;
		const query = itemsQuery(collection, initialState(collection, found, search, model), model);
		const request = api.envelope<Rows>(`/items/${encodeURIComponent(collection)}`, query);
		// Whoever takes it reports a failure; an unused one fails quietly.
		request.catch(() => undefined);
		early.set(keyOf(collection, query), request);
	});
}
