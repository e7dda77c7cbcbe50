import type { ExecutionContext } from 'ava';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { articles, authors, createCatalog, seedCatalog, type SeedArticle } from './helpers/catalog.js';

type Check = [filter: Record<string, unknown>, expected: (article: SeedArticle) => boolean];

const lower = (value: string | null) => (value ?? '').toLowerCase();
const authorOf = (article: SeedArticle) => authors.find((author) => author.id === article.author);

/** Every operator, each against what the seed data says it must match. */
const operatorChecks: Check[] = [
	[{ status: { _eq: 'draft' } }, (a) => a.status === 'draft'],
	[{ status: { _neq: 'draft' } }, (a) => a.status !== 'draft'],
	[{ title: { _ieq: 'HELLO WORLD' } }, (a) => lower(a.title) === 'hello world'],
	[{ title: { _nieq: 'hello world' } }, (a) => lower(a.title) !== 'hello world'],
	[{ views: { _lt: 75 } }, (a) => a.views < 75],
	[{ views: { _lte: '75' } }, (a) => a.views <= 75],
	[{ views: { _gt: 120 } }, (a) => a.views > 120],
	[{ views: { _gte: 120 } }, (a) => a.views >= 120],
	[{ id: { _in: [2, 4, 6] } }, (a) => [2, 4, 6].includes(a.id)],
	[{ id: { _in: '1,3' } }, (a) => [1, 3].includes(a.id)],
	[{ id: { _nin: [1, 2] } }, (a) => ![1, 2].includes(a.id)],
	[{ published_on: { _null: true } }, (a) => a.published_on === null],
	[{ published_on: { _nnull: true } }, (a) => a.published_on !== null],
	[{ body: { _empty: true } }, (a) => a.body === null || a.body === ''],
	[{ body: { _nempty: true } }, (a) => a.body !== null && a.body !== ''],
	[{ title: { _contains: 'ello' } }, (a) => a.title.includes('ello')],
	[{ title: { _contains: 'Hello' } }, (a) => a.title.includes('Hello')],
	[{ title: { _ncontains: 'Hello' } }, (a) => !a.title.includes('Hello')],
	[{ title: { _icontains: 'HELLO' } }, (a) => lower(a.title).includes('hello')],
	[{ title: { _nicontains: 'hello' } }, (a) => !lower(a.title).includes('hello')],
	[{ title: { _contains: '%' } }, (a) => a.title.includes('%')],
	[{ title: { _contains: '_' } }, (a) => a.title.includes('_')],
	[{ title: { _starts_with: 'hello' } }, (a) => a.title.startsWith('hello')],
	[{ title: { _nstarts_with: 'hello' } }, (a) => !a.title.startsWith('hello')],
	[{ title: { _istarts_with: 'HELLO' } }, (a) => lower(a.title).startsWith('hello')],
	[{ title: { _nistarts_with: 'HELLO' } }, (a) => !lower(a.title).startsWith('hello')],
	[{ title: { _ends_with: 'news' } }, (a) => a.title.endsWith('news')],
	[{ title: { _nends_with: 'news' } }, (a) => !a.title.endsWith('news')],
	[{ title: { _iends_with: 'WORLD' } }, (a) => lower(a.title).endsWith('world')],
	[{ title: { _niends_with: 'WORLD' } }, (a) => !lower(a.title).endsWith('world')],
	[{ views: { _between: [40, 120] } }, (a) => a.views >= 40 && a.views <= 120],
	[{ views: { _nbetween: [40, 120] } }, (a) => a.views < 40 || a.views > 120],
	[{ rating: { _gt: '4.5' } }, (a) => a.rating !== null && Number(a.rating) > 4.5],
	[{ featured: { _eq: true } }, (a) => a.featured],
	[{ featured: { _eq: 'false' } }, (a) => !a.featured],
	[{ published_on: { _gte: '2024-01-01T00:00:00' } }, (a) => a.published_on !== null && a.published_on >= '2024-01-01T00:00:00'],
	[{ _or: [{ status: { _eq: 'draft' } }, { views: { _gt: 200 } }] }, (a) => a.status === 'draft' || a.views > 200],
	[
		{ _and: [{ status: { _eq: 'published' } }, { _or: [{ views: { _lt: 50 } }, { featured: { _eq: true } }] }] },
		(a) => a.status === 'published' && (a.views < 50 || a.featured),
	],
	[{ views: { _gt: 10, _lt: 200 } }, (a) => a.views > 10 && a.views < 200],
];

/** Relations and functions, again checked against the seed. */
const relationalChecks: Check[] = [
	[{ author: { name: { _eq: 'Ada' } } }, (a) => authorOf(a)?.name === 'Ada'],
	[{ author: { country: { _null: true } } }, (a) => a.author !== null && authorOf(a)?.country === null],
	[{ author: { _null: true } }, (a) => a.author === null],
	[{ tags: { _some: { tags_id: { name: { _eq: 'travel' } } } } }, (a) => a.tags.includes(3)],
	[{ tags: { tags_id: { name: { _eq: 'news' } } } }, (a) => a.tags.includes(1)],
	[{ tags: { _none: { tags_id: { name: { _eq: 'news' } } } } }, (a) => !a.tags.includes(1)],
	[{ 'year(published_on)': { _eq: 2024 } }, (a) => a.published_on?.startsWith('2024') ?? false],
	[{ 'month(published_on)': { _eq: 1 } }, (a) => a.published_on?.slice(5, 7) === '01'],
	[{ 'day(published_on)': { _gte: 29 } }, (a) => a.published_on !== null && Number(a.published_on.slice(8, 10)) >= 29],
	[{ 'hour(published_on)': { _eq: 12 } }, (a) => a.published_on?.slice(11, 13) === '12'],
	[{ 'minute(published_on)': { _eq: 45 } }, (a) => a.published_on?.slice(14, 16) === '45'],
	[{ 'second(published_on)': { _eq: 5 } }, (a) => a.published_on?.slice(17, 19) === '05'],
	[{ 'weekday(published_on)': { _eq: 0 } }, (a) => a.published_on !== null && new Date(`${a.published_on}Z`).getUTCDay() === 0],
	[{ 'week(published_on)': { _eq: 2 } }, (a) => a.published_on !== null && isoWeek(a.published_on) === 2],
	[{ 'count(tags)': { _gte: 2 } }, (a) => a.tags.length >= 2],
];

function isoWeek(dateTime: string): number {
	const date = new Date(`${dateTime.slice(0, 10)}T00:00:00Z`);
	date.setUTCDate(date.getUTCDate() + 4 - (date.getUTCDay() || 7));
	const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
	return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

async function ids(url: string, filter: Record<string, unknown>): Promise<number[]> {
	const response = await api(url, 'GET', `/items/articles?fields=id&sort=id&limit=-1&filter=${encodeURIComponent(JSON.stringify(filter))}`);
	if (response.status !== 200) throw new Error(`${JSON.stringify(filter)}: ${JSON.stringify(response.body)}`);
	return response.body.data.map((item: { id: number }) => item.id);
}

async function checkAll(t: ExecutionContext, url: string, checks: Check[]) {
	for (const [filter, predicate] of checks) {
		const expected = articles.filter(predicate).map((article) => article.id);
		t.deepEqual(await ids(url, filter), expected, JSON.stringify(filter));
	}
}

vendorTest('every filter operator returns exactly the rows the seed data says', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		await checkAll(t, url, operatorChecks);
		// The bracket syntax a browser sends reads the same as JSON.
		const bracket = await api(url, 'GET', '/items/articles?fields=id&sort=-id&filter[status][_eq]=published&filter[views][_gte]=100');
		t.deepEqual(
			bracket.body.data.map((a: { id: number }) => a.id),
			[8, 6, 1],
		);
	} finally {
		await stop();
	}
});

vendorTest('relational filters, _some/_none and functions match the seed data', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		await checkAll(t, url, relationalChecks);
	} finally {
		await stop();
	}
});

vendorTest('bad filters are refused with a message saying what is wrong', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		const query = (filter: unknown) => api(url, 'GET', `/items/articles?filter=${encodeURIComponent(JSON.stringify(filter))}`);
		const unknownOperator = await query({ title: { _equals: 'x' } });
		t.is(errorCode(unknownOperator), 'INVALID_QUERY');
		t.regex(unknownOperator.body.errors[0].message, /_equals/);
		const notANumber = await query({ views: { _gt: 'many' } });
		t.is(errorCode(notANumber), 'INVALID_QUERY');
		t.regex(notANumber.body.errors[0].message, /views/);
		t.is(errorCode(await query({ nope: { _eq: 1 } })), 'FORBIDDEN');
		t.is(errorCode(await query({ views: { _between: [1] } })), 'INVALID_QUERY');
		t.is(errorCode(await api(url, 'GET', '/items/articles?filter={not json')), 'INVALID_QUERY');
	} finally {
		await stop();
	}
});
