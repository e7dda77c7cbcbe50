// The Studio in Chromium: Mantle on a scratch SQLite database with 1,000 articles, each with an
// author and a category (two many-to-one relations), the admin's preset set to a 250-row table
// showing both. Measures the JavaScript the first page loads (gzip), navigation to the rendered
// table, and page-to-page. `--runs` (default 7) navigations and page turns each; the median is
// reported with the fastest and slowest. Needs `node scripts/build.mjs` and Debian's chromium.
import os from 'node:os';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { api, cleanUp, scratchDatabase, startMantle, tempFolder, wasInterrupted } from './lib.mjs';
import { assertChromium, median, signedInStudio, summary } from './studio-browser.mjs';

const rows = 250;

async function seed(url) {
	const collection = (name, fields, meta = {}) =>
		api(url, 'POST', '/collections', {
			collection: name,
			schema: {},
			meta,
			fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } }, ...fields],
		});
	await collection('authors', [{ field: 'name', type: 'string' }], { display_template: '{{name}}' });
	await collection('categories', [{ field: 'name', type: 'string' }], { display_template: '{{name}}' });
	await collection('articles', [
		{ field: 'title', type: 'string' },
		{ field: 'author', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' } },
		{ field: 'category', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' } },
		{ field: 'views', type: 'integer' },
		{ field: 'published', type: 'boolean' },
	]);
	await api(url, 'POST', '/relations', { collection: 'articles', field: 'author', related_collection: 'authors' });
	await api(url, 'POST', '/relations', { collection: 'articles', field: 'category', related_collection: 'categories' });
	await api(
		url,
		'POST',
		'/items/authors',
		Array.from({ length: 50 }, (_, index) => ({ name: `Author ${index + 1}` })),
	);
	await api(
		url,
		'POST',
		'/items/categories',
		Array.from({ length: 12 }, (_, index) => ({ name: `Category ${index + 1}` })),
	);
	await api(
		url,
		'POST',
		'/items/articles',
		Array.from({ length: 1000 }, (_, index) => ({
			title: `Article ${index + 1}`,
			author: (index % 50) + 1,
			category: (index % 12) + 1,
			views: index * 7,
			published: index % 2 === 0,
		})),
	);
	const me = (await api(url, 'GET', '/users/me?fields=id')).body.data;
	await api(url, 'POST', '/presets', {
		user: me.id,
		collection: 'articles',
		layout: 'table',
		layout_query: { table: { fields: ['title', 'author', 'category', 'views', 'published'], sort: ['id'], limit: rows } },
		layout_options: {},
	});
}

/** Resolves in the page once the table shows `rows` rows whose relational cells are filled, starting at `first`. */
const tableReady = ({ rows, first }) => {
	const body = document.querySelectorAll('table tbody tr');
	if (body.length !== rows) return false;
	const cell = body[0].querySelector('td[data-field="title"]')?.textContent;
	const author = body[0].querySelector('td[data-field="author"]')?.textContent;
	const category = body[rows - 1].querySelector('td[data-field="category"]')?.textContent;
	return cell === first && Boolean(author) && Boolean(category);
};

export async function run(argv) {
	const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '7' } } });
	const runs = Number(values.runs);
	assertChromium();
	try {
		const folder = tempFolder('mantle-bench-studio-');
		const database = await scratchDatabase('sqlite', folder);
		const { url } = await startMantle(database, folder);
		await seed(url);
		const { browser, page, signIn } = await signedInStudio(url);

		// Initial JavaScript: every script the login page loads, as it travels gzip-compressed.
		const scripts = new Map();
		page.on('response', async (response) => {
			if (!/javascript/.test(response.headers()['content-type'] ?? '')) return;
			scripts.set(response.url(), await response.body().catch(() => Buffer.alloc(0)));
		});
		await page.goto(`${url}/admin/login`);
		await page.getByLabel('Email').waitFor();
		const shell = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0);
		const shellFiles = scripts.size;
		await signIn();
		const withExtensions = [...scripts.values()].reduce((sum, body) => sum + gzipSync(body).length, 0);
		const withExtensionsFiles = scripts.size;

		// Chromium's own count of the main thread's busy time (script, style, layout) for each
		// turn: wall time far above it is the machine's load or the network, not the Studio's code.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		const busy = async () =>
			Object.fromEntries(
				(await cdp.send('Performance.getMetrics')).metrics
					.filter((metric) => ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration'].includes(metric.name))
					.map((metric) => [metric.name, metric.value * 1000]),
			);
		// Navigation: a fresh page load of the collection until 250 rows with both relations show.
		// Each time is split at the /items request: the page's own start-up before it, the API
		// answering (as the browser saw it), and drawing the rows after.
		const navigation = [];
		const navigationParts = { boot: [], api: [], draw: [] };
		const navigationBusy = [];
		for (let index = 0; index < runs; index += 1) {
			const before = await busy();
			await page.goto(`${url}/admin/content/articles`);
			await page.waitForFunction(tableReady, { rows, first: 'Article 1' }, { timeout: 60_000, polling: 'raf' });
			const after = await busy();
			// The counters may restart with the new document; then the new count is the whole of it.
			navigationBusy.push(after.TaskDuration >= before.TaskDuration ? after.TaskDuration - before.TaskDuration : after.TaskDuration);
			const [done, request] = await page.evaluate(() => {
				const entry = performance
					.getEntriesByType('resource')
					.filter((candidate) => candidate.name.includes('/items/articles'))
					.pop();
				return [performance.now(), entry ? { start: entry.startTime, end: entry.responseEnd } : null];
			});
			navigation.push(done);
			if (request) {
				navigationParts.boot.push(request.start);
				navigationParts.api.push(request.end - request.start);
				navigationParts.draw.push(done - request.end);
			}
		}

		// Page to page: the click until the next 250 rows are drawn, forward to the last page and back.
		const turns = [];
		const turnApi = [];
		const turnBusy = { TaskDuration: [], ScriptDuration: [], LayoutDuration: [], RecalcStyleDuration: [] };
		const pages = Math.ceil(1000 / rows);
		let current = 1;
		let step = 1;
		for (let index = 0; index < runs; index += 1) {
			if (current + step < 1 || current + step > pages) step = -step;
			current += step;
			const before = await busy();
			const elapsed = await page.evaluate(
				async ({ rows, label, first }) => {
					const button = document.querySelector(`button[aria-label="${label}"]`);
					const started = performance.now();
					button.click();
					await new Promise((resolve) => {
						const check = () => {
							const body = document.querySelectorAll('table tbody tr');
							const ready =
								body.length === rows &&
								body[0].querySelector('td[data-field="title"]')?.textContent === first &&
								body[rows - 1].querySelector('td[data-field="category"]')?.textContent;
							if (ready) resolve();
							else requestAnimationFrame(check);
						};
						check();
					});
					const entry = performance
						.getEntriesByType('resource')
						.filter((candidate) => candidate.name.includes('/items/articles'))
						.pop();
					return { total: performance.now() - started, api: entry.responseEnd - Math.max(entry.startTime, started) };
				},
				{ rows, label: step > 0 ? 'Next page' : 'Previous page', first: `Article ${(current - 1) * rows + 1}` },
			);
			const after = await busy();
			for (const name of Object.keys(turnBusy)) turnBusy[name].push(after[name] - before[name]);
			turns.push(elapsed.total);
			turnApi.push(elapsed.api);
		}
		// The floor: the same 250 rows as static HTML, drawn by Chromium on this machine right now.
		const floor = [];
		for (let index = 0; index < runs; index += 1) {
			floor.push(
				await page.evaluate(async (rows) => {
					const html = `<table><tbody>${Array.from({ length: rows }, (_, row) => `<tr><td><input type="checkbox"></td><td><a href="#">Article ${row}</a></td><td>Author ${row % 50}</td><td>Category ${row % 12}</td><td>${row * 7}</td><td>Yes</td></tr>`).join('')}</tbody></table>`;
					const holder = document.createElement('div');
					const started = performance.now();
					holder.innerHTML = html;
					document.body.append(holder);
					holder.getBoundingClientRect();
					await new Promise((resolve) => requestAnimationFrame(resolve));
					const elapsed = performance.now() - started;
					holder.remove();
					return elapsed;
				}, rows),
			);
		}
		await browser.close();

		console.log(`Studio in Chromium, ${rows}-row table with two many-to-one columns (author, category), SQLite`);
		console.log(`initial JavaScript, gzip:            ${(shell / 1024).toFixed(1)} KB in ${shellFiles} files (target < 120 KB)`);
		console.log(`  with the first-party app extensions: ${(withExtensions / 1024).toFixed(1)} KB in ${withExtensionsFiles} files`);
		console.log(`navigation to the rendered table:     ${summary(navigation)} (target < 400 ms)`);
		if (navigationParts.api.length)
			console.log(
				`  medians: start-up ${median(navigationParts.boot).toFixed(0)} ms, API ${median(navigationParts.api).toFixed(0)} ms, drawing ${median(navigationParts.draw).toFixed(0)} ms`,
			);
		console.log(`  main thread busy (Chromium's count): ${summary(navigationBusy)}`);
		console.log(`page to page:                         ${summary(turns)} (target < 150 ms)`);
		console.log(`  of which the API answering:         ${summary(turnApi)}`);
		console.log(
			`  main thread busy (Chromium's count): ${summary(turnBusy.TaskDuration)}: script ${median(turnBusy.ScriptDuration).toFixed(0)} ms, style ${median(turnBusy.RecalcStyleDuration).toFixed(0)} ms, layout ${median(turnBusy.LayoutDuration).toFixed(0)} ms`,
		);
		console.log(`floor: the same rows as static HTML:  ${summary(floor)}`);
		console.log(`machine load average while measuring: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
	} catch (error) {
		if (!wasInterrupted()) throw error;
	} finally {
		await cleanUp();
	}
}
