import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import YAML from 'yaml';
import { vendorTest } from './helpers/vendor-test.js';
import { startKernel } from './helpers/kernel.js';
import { adminToken } from './helpers/kernel.js';
import { api, errorCode } from './helpers/http.js';
import { articles, authors, createCatalog, seedCatalog, tags } from './helpers/catalog.js';

const get = async (url: string, path: string) => {
	const response = await api(url, 'GET', path);
	if (response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
};
const q = (value: unknown) => encodeURIComponent(JSON.stringify(value));

vendorTest('fields: *, dot paths through M2O and M2M, O2M as keys, functions and aliases', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const { user_created: creator, date_created: createdAt, ...one } = (await get(url, '/items/articles/1')).data;
		t.regex(creator, /^[0-9a-f-]{36}$/, 'user-created holds the admin who seeded');
		t.regex(createdAt, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, 'date-created is an ISO instant');
		const { tags: _seededTags, ...seeded } = articles[0]!;
		t.deepEqual(one, { ...seeded, tags: one.tags }, 'every column reads back as seeded');
		t.is(one.tags.length, 2, 'M2M reads as the list of junction keys');

		const nested = (await get(url, '/items/articles?fields=id,title,author.name,tags.tags_id.name&sort=id&limit=3')).data;
		t.deepEqual(
			nested,
			articles.slice(0, 3).map((a) => ({
				id: a.id,
				title: a.title,
				author: a.author === null ? null : { name: authors.find((x) => x.id === a.author)!.name },
				tags: a.tags.map((id) => ({ tags_id: { name: tags.find((tag) => tag.id === id)!.name } })),
			})),
		);

		const o2m = (await get(url, '/items/authors?fields=name,articles&sort=id')).data;
		t.deepEqual(
			o2m,
			authors.map((author) => ({ name: author.name, articles: articles.filter((a) => a.author === author.id).map((a) => a.id) })),
		);

		const starStar = (await get(url, '/items/articles/4?fields=*.*')).data;
		t.is(starStar.author.name, 'Brian');
		t.is(starStar.tags[0].tags_id, 3);

		const functions = (await get(url, '/items/articles?fields=id,year(published_on),count(tags)&sort=id&limit=2')).data;
		t.deepEqual(functions, [
			{ id: 1, published_on_year: 2023, tags_count: 2 },
			{ id: 2, published_on_year: 2023, tags_count: 1 },
		]);

		const aliased = (
			await get(
				url,
				`/items/authors/1?fields=name,recent.title,all.id&alias=${q({ recent: 'articles', all: 'articles' })}&deep=${q({ recent: { _limit: 1, _sort: ['-published_on'] } })}`,
			)
		).data;
		t.deepEqual(aliased, { name: 'Ada', recent: [{ title: 'hello again' }], all: [{ id: 1 }, { id: 2 }] });

		t.is(errorCode(await api(url, 'GET', '/items/articles?fields=nope')), 'FORBIDDEN');
		t.is(errorCode(await api(url, 'GET', '/items/nothing_here')), 'FORBIDDEN');
		t.is(errorCode(await api(url, 'GET', '/items/articles/999')), 'FORBIDDEN');
		t.is(errorCode(await api(url, 'GET', '/items/directus_users')), 'FORBIDDEN');
	} finally {
		await stop();
	}
});

vendorTest('sort, limit, offset, page, search and meta', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const byViews = [...articles].sort((a, b) => b.views - a.views || a.id - b.id).map((a) => a.id);
		t.deepEqual(
			(await get(url, '/items/articles?fields=id&sort=-views,id&limit=-1')).data.map((a: any) => a.id),
			byViews,
		);
		t.deepEqual(
			(await get(url, '/items/articles?fields=id&sort=-views,id&limit=3&offset=2')).data.map((a: any) => a.id),
			byViews.slice(2, 5),
		);
		t.deepEqual(
			(await get(url, '/items/articles?fields=id&sort=-views,id&limit=3&page=2')).data.map((a: any) => a.id),
			byViews.slice(3, 6),
		);

		// Through M2O; articles without an author sort first ascending on every vendor.
		const byAuthor = [...articles]
			.sort((a, b) => {
				const an = authors.find((x) => x.id === a.author)?.name ?? null;
				const bn = authors.find((x) => x.id === b.author)?.name ?? null;
				if (an === bn) return a.id - b.id;
				if (an === null) return -1;
				if (bn === null) return 1;
				return an < bn ? -1 : 1;
			})
			.map((a) => a.id);
		t.deepEqual(
			(await get(url, '/items/articles?fields=id&sort=author.name,id&limit=-1')).data.map((a: any) => a.id),
			byAuthor,
		);
		t.deepEqual(
			(await get(url, '/items/articles?fields=id&sort=-year(published_on),id&limit=3')).data.map((a: any) => a.id),
			[5, 6, 7],
		);

		const searched = (await get(url, '/items/articles?fields=id&sort=id&search=hello')).data.map((a: any) => a.id);
		t.deepEqual(
			searched,
			articles.filter((a) => `${a.title} ${a.body ?? ''} ${a.status}`.toLowerCase().includes('hello')).map((a) => a.id),
		);
		t.deepEqual((await get(url, '/items/articles?fields=id&search=999')).data, [{ id: 4 }]);

		const withMeta = await get(url, '/items/articles?fields=id&limit=2&filter[status][_eq]=published&meta=*');
		t.deepEqual(withMeta.meta, { total_count: articles.length, filter_count: articles.filter((a) => a.status === 'published').length });
		t.is(withMeta.data.length, 2);
		t.false('meta' in (await get(url, '/items/articles?limit=1')), 'meta only when asked');

		const search = await api(url, 'SEARCH', '/items/articles', { query: { fields: ['id'], filter: { views: { _gt: 200 } }, sort: ['id'] } });
		t.deepEqual(search.body.data, [{ id: 4 }, { id: 6 }]);
	} finally {
		await stop();
	}
});

vendorTest('aggregate and groupBy, deep limits per parent', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		t.deepEqual((await get(url, '/items/articles?aggregate[count]=*')).data, [{ count: articles.length }]);
		const byStatus = (await get(url, '/items/articles?aggregate[count]=*&aggregate[sum]=views&aggregate[max]=published_on&groupBy=status')).data;
		const statuses = [...new Set(articles.map((a) => a.status))].sort();
		t.deepEqual(
			byStatus,
			statuses.map((status) => {
				const group = articles.filter((a) => a.status === status);
				const dates = group
					.map((a) => a.published_on)
					.filter((d): d is string => d !== null)
					.sort();
				return { status, count: group.length, sum: { views: group.reduce((s, a) => s + a.views, 0) }, max: { published_on: dates.at(-1) ?? null } };
			}),
		);
		const avg = (await get(url, '/items/articles?aggregate[avg]=views&aggregate[countDistinct]=author&aggregate[min]=views')).data[0];
		t.is(avg.avg.views, articles.reduce((s, a) => s + a.views, 0) / articles.length);
		t.is(avg.countDistinct.author, new Set(articles.map((a) => a.author).filter((x) => x !== null)).size);
		t.is(avg.min.views, 0);
		const byYear = (await get(url, '/items/articles?aggregate[count]=id&groupBy=year(published_on)&filter[published_on][_nnull]=true')).data;
		t.deepEqual(byYear, [
			{ published_on_year: 2022, count: { id: 1 } },
			{ published_on_year: 2023, count: { id: 3 } },
			{ published_on_year: 2024, count: { id: 3 } },
		]);

		const deep = (
			await get(
				url,
				`/items/authors?fields=id,articles.id&sort=id&deep=${q({ articles: { _limit: 1, _sort: ['-views'], _filter: { status: { _eq: 'published' } } } })}`,
			)
		).data;
		t.deepEqual(
			deep,
			authors.map((author) => {
				const best = articles.filter((a) => a.author === author.id && a.status === 'published').sort((a, b) => b.views - a.views || a.id - b.id)[0];
				return { id: author.id, articles: best ? [{ id: best.id }] : [] };
			}),
		);
		t.is(errorCode(await api(url, 'GET', '/items/articles?aggregate[sum]=title')), 'INVALID_QUERY');
	} finally {
		await stop();
	}
});

vendorTest('export as csv, json, xml and yaml with the right rows', async (t, db) => {
	const { url, stop } = await startKernel(db);
	try {
		await createCatalog(url);
		await seedCatalog(url);
		const path = (format: string) => `${url}/items/articles?fields=id,title,author.name&sort=id&limit=3&export=${format}`;
		const fetchText = async (format: string) => {
			const response = await fetch(path(format), { headers: { authorization: `Bearer ${adminToken}` } });
			t.regex(response.headers.get('content-disposition') ?? '', /attachment; filename="articles\.\w+"/);
			return response.text();
		};
		const expected = articles.slice(0, 3).map((a) => ({ id: a.id, title: a.title, author: { name: authors.find((x) => x.id === a.author)!.name } }));
		t.deepEqual(JSON.parse(await fetchText('json')), expected);
		t.deepEqual(
			parseCsv(await fetchText('csv'), { columns: true }),
			expected.map((a) => ({ id: String(a.id), title: a.title, 'author.name': a.author.name })),
		);
		t.deepEqual(YAML.parse(await fetchText('yaml')), expected);
		const xml = new XMLParser().parse(await fetchText('xml'));
		t.deepEqual(
			xml.data.item.map((item: any) => item.title),
			expected.map((a) => a.title),
		);
	} finally {
		await stop();
	}
});
