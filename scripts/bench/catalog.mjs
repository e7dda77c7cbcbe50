// The benchmark catalogue: 200 authors, 50 tags, 10,000 articles with their tag links and 20,000
// events, the same on every run and every database (a seeded PRNG), created and seeded through
// the API. `npm run bench -- items` measures against it.
import { catalogRelations } from './catalog-relations.mjs';
import { api } from './lib.mjs';

export const counts = { authors: 200, tags: 50, articles: 10_000, articleBatch: 1_000, events: 20_000, eventBatch: 5_000 };
const words = [
	'river',
	'stone',
	'market',
	'engine',
	'garden',
	'signal',
	'harbor',
	'winter',
	'copper',
	'lantern',
	'meadow',
	'orbit',
	'paper',
	'quartz',
	'rocket',
	'summit',
	'timber',
	'valley',
	'willow',
	'yellow',
	'anchor',
	'bridge',
	'candle',
	'desert',
	'ember',
	'forest',
	'glacier',
	'island',
	'jungle',
	'kettle',
	'ladder',
	'mirror',
	'needle',
	'ocean',
	'pepper',
	'raven',
	'saddle',
	'tunnel',
	'velvet',
	'whistle',
	'canyon',
	'falcon',
	'marble',
	'nectar',
	'pillow',
	'ribbon',
	'shadow',
	'thunder',
	'violet',
	'zephyr',
];
export const searchWord = 'lantern';
const statuses = ['draft', 'published', 'archived'];

/** mulberry32: the same catalogue on every run and every database. */
function prng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

const two = (n) => String(n).padStart(2, '0');

function articleBatches() {
	const random = prng(42);
	const pick = (list) => list[Math.floor(random() * list.length)];
	const phrase = (n) => Array.from({ length: n }, () => pick(words)).join(' ');
	const batches = [];
	let junctionRows = 0;
	for (let start = 0; start < counts.articles; start += counts.articleBatch) {
		const batch = [];
		for (let i = start; i < Math.min(start + counts.articleBatch, counts.articles); i++) {
			const tagIds = new Set();
			const wanted = Math.floor(random() * 5);
			while (tagIds.size < wanted) tagIds.add(1 + Math.floor(random() * counts.tags));
			junctionRows += tagIds.size;
			const day = new Date(Date.UTC(2020, 0, 1) + Math.floor(random() * 5 * 365 * 86_400) * 1000);
			batch.push({
				title: phrase(4).replace(/^./, (c) => c.toUpperCase()),
				body: `${phrase(20)}.`,
				status: pick(statuses),
				published_on: `${day.getUTCFullYear()}-${two(day.getUTCMonth() + 1)}-${two(day.getUTCDate())}T${two(day.getUTCHours())}:${two(day.getUTCMinutes())}:${two(day.getUTCSeconds())}`,
				views: Math.floor(random() * 10_000),
				author: 1 + Math.floor(random() * counts.authors),
				tags: [...tagIds].map((id) => ({ tags_id: id })),
			});
		}
		batches.push(batch);
	}
	return { batches, junctionRows };
}

/** The catalogue's shape, made as core/test/helpers/catalog.ts makes it, plus a flat `events`. */
export async function createSchema(url) {
	const collection = (name, fields) => api(url, 'POST', '/collections', { collection: name, schema: {}, meta: {}, fields });
	await collection('authors', [
		{ field: 'name', type: 'string' },
		{ field: 'bio', type: 'text' },
	]);
	await collection('tags', [{ field: 'name', type: 'string' }]);
	await collection('articles', [
		{ field: 'title', type: 'string' },
		{ field: 'body', type: 'text' },
		{ field: 'status', type: 'string' },
		{ field: 'published_on', type: 'dateTime' },
		{ field: 'views', type: 'integer' },
		{ field: 'author', type: 'integer', meta: { special: ['m2o'] } },
		{ field: 'tags', type: 'alias', meta: { special: ['m2m'] } },
	]);
	await collection('articles_tags', [
		{ field: 'articles_id', type: 'integer' },
		{ field: 'tags_id', type: 'integer' },
	]);
	await collection('events', [
		{ field: 'name', type: 'string' },
		{ field: 'value', type: 'integer' },
		{ field: 'at', type: 'dateTime' },
	]);
	const relation = (body) => api(url, 'POST', '/relations', body);
	for (const body of catalogRelations) await relation(body);
}

async function timed(task) {
	const started = performance.now();
	await task();
	return performance.now() - started;
}

async function count(url, collection) {
	const { body } = await api(url, 'GET', `/items/${collection}?aggregate[count]=*`);
	return Number(body.data[0].count);
}

/** Seeds through the API and times the two kinds of write: nested (articles + tags) and flat (events). */
export async function seed(url) {
	const random = prng(7);
	const authors = Array.from({ length: counts.authors }, (_, i) => ({
		name: `Author ${i + 1}`,
		bio: `Writes about ${words[i % words.length]} and ${words[(i * 7) % words.length]}.`,
	}));
	await api(url, 'POST', '/items/authors', authors);
	await api(
		url,
		'POST',
		'/items/tags',
		Array.from({ length: counts.tags }, (_, i) => ({ name: `${words[i]}-${i + 1}` })),
	);
	const { batches, junctionRows } = articleBatches();
	const articlesMs = await timed(async () => {
		for (const batch of batches) await api(url, 'POST', '/items/articles', batch);
	});
	const events = Array.from({ length: counts.events }, (_, i) => ({
		name: `event ${i + 1}`,
		value: Math.floor(random() * 1_000_000),
		at: `2024-${two(1 + (i % 12))}-${two(1 + (i % 28))}T${two(i % 24)}:${two(i % 60)}:00`,
	}));
	const eventsMs = await timed(async () => {
		for (let start = 0; start < events.length; start += counts.eventBatch)
			await api(url, 'POST', '/items/events', events.slice(start, start + counts.eventBatch));
	});
	const stored = {
		authors: await count(url, 'authors'),
		tags: await count(url, 'tags'),
		articles: await count(url, 'articles'),
		articles_tags: await count(url, 'articles_tags'),
		events: await count(url, 'events'),
	};
	const expected = { authors: counts.authors, tags: counts.tags, articles: counts.articles, articles_tags: junctionRows, events: counts.events };
	for (const [name, n] of Object.entries(expected)) if (stored[name] !== n) console.warn(`WARNING: ${name} holds ${stored[name]} rows, ${n} were sent`);
	return {
		stored,
		articles: {
			rows: counts.articles,
			junctionRows,
			batch: counts.articleBatch,
			ms: Math.round(articlesMs),
			rowsPerSecond: Math.round(((counts.articles + junctionRows) * 1000) / articlesMs),
		},
		events: {
			rows: counts.events,
			batch: counts.eventBatch,
			ms: Math.round(eventsMs),
			rowsPerSecond: Math.round((counts.events * 1000) / eventsMs),
			target: 20_000,
		},
	};
}
