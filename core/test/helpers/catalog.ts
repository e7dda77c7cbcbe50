import { api } from './http.js';
import { catalogRelations } from '../../../scripts/bench/catalog-relations.mjs';

/**
 * A small catalogue to query: authors, articles (M2O author, M2M tags through articles_tags) and
 * tags, created through the API as a user would, with data whose expected query results the
 * tests compute from the arrays below.
 */
export interface SeedArticle {
	id: number;
	title: string;
	body: string | null;
	status: 'draft' | 'published' | 'archived';
	published_on: string | null;
	views: number;
	rating: string | null;
	featured: boolean;
	author: number | null;
	tags: number[];
}

export const authors = [
	{ id: 1, name: 'Ada', country: 'UK' },
	{ id: 2, name: 'Brian', country: 'US' },
	{ id: 3, name: 'Chen', country: null },
	{ id: 4, name: 'Dana', country: 'US' },
];

export const tags = [
	{ id: 1, name: 'news' },
	{ id: 2, name: 'science' },
	{ id: 3, name: 'travel' },
];

export const articles: SeedArticle[] = [
	{
		id: 1,
		title: 'Hello World',
		body: 'First post',
		status: 'published',
		published_on: '2023-01-15T10:30:00',
		views: 120,
		rating: '4.50',
		featured: true,
		author: 1,
		tags: [1, 2],
	},
	{
		id: 2,
		title: 'hello again',
		body: 'Second post',
		status: 'published',
		published_on: '2023-03-02T08:00:05',
		views: 40,
		rating: '3.25',
		featured: false,
		author: 1,
		tags: [1],
	},
	{ id: 3, title: '50% off', body: null, status: 'draft', published_on: null, views: 0, rating: null, featured: false, author: 2, tags: [] },
	{
		id: 4,
		title: 'under_score',
		body: 'Mixed CASE Body',
		status: 'archived',
		published_on: '2022-12-31T23:59:59',
		views: 999,
		rating: '1.00',
		featured: true,
		author: 2,
		tags: [3],
	},
	{
		id: 5,
		title: 'Travel notes',
		body: '',
		status: 'published',
		published_on: '2024-02-29T12:00:00',
		views: 75,
		rating: '5.00',
		featured: true,
		author: 3,
		tags: [2, 3],
	},
	{
		id: 6,
		title: 'Science weekly',
		body: 'All about atoms',
		status: 'published',
		published_on: '2024-07-04T18:45:30',
		views: 300,
		rating: '4.75',
		featured: false,
		author: 4,
		tags: [2],
	},
	{
		id: 7,
		title: 'Draft ideas',
		body: 'todo',
		status: 'draft',
		published_on: '2024-07-05T06:15:00',
		views: 5,
		rating: '2.10',
		featured: false,
		author: null,
		tags: [1, 3],
	},
	{
		id: 8,
		title: 'World news',
		body: 'Hello from abroad',
		status: 'published',
		published_on: '2023-01-20T00:00:00',
		views: 120,
		rating: '3.90',
		featured: false,
		author: 4,
		tags: [1],
	},
];

async function expectOk(response: { status: number; body: unknown }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response;
}

export async function createCatalog(url: string): Promise<void> {
	const collection = (name: string, fields: unknown[]) =>
		api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields }).then((r) => expectOk(r, name));
	await collection('authors', [
		{ field: 'name', type: 'string', schema: { is_nullable: false } },
		{ field: 'country', type: 'string', schema: { max_length: 2 } },
	]);
	await collection('tags', [{ field: 'name', type: 'string', schema: { is_unique: true } }]);
	await collection('articles', [
		{ field: 'title', type: 'string', schema: { max_length: 40 }, meta: { required: true } },
		{ field: 'body', type: 'text' },
		{ field: 'status', type: 'string', schema: { default_value: 'draft' } },
		{ field: 'published_on', type: 'dateTime' },
		{ field: 'views', type: 'integer', schema: { default_value: 0 } },
		{ field: 'rating', type: 'decimal', schema: { numeric_precision: 5, numeric_scale: 2 } },
		{ field: 'featured', type: 'boolean', schema: { default_value: false } },
		{ field: 'author', type: 'integer', meta: { special: ['m2o'] } },
		{ field: 'tags', type: 'alias', meta: { special: ['m2m'] } },
		{ field: 'user_created', type: 'uuid', meta: { special: ['user-created'] } },
		{ field: 'date_created', type: 'timestamp', meta: { special: ['date-created'] } },
	]);
	await collection('articles_tags', [
		{ field: 'articles_id', type: 'integer' },
		{ field: 'tags_id', type: 'integer' },
	]);
	const relation = (body: unknown) => api(url, 'POST', '/relations', body).then((r) => expectOk(r, 'relation'));
	for (const body of catalogRelations) await relation(body);
}

/** Seeds through the API: authors and tags in bulk, articles with their tags as nested M2M writes. */
export async function seedCatalog(url: string): Promise<void> {
	await expectOk(await api(url, 'POST', '/items/authors', authors), 'authors');
	await expectOk(await api(url, 'POST', '/items/tags', tags), 'tags');
	const payload = articles.map(({ tags: tagIds, ...article }) => ({ ...article, tags: tagIds.map((id) => ({ tags_id: id })) }));
	await expectOk(await api(url, 'POST', '/items/articles', payload), 'articles');
}
