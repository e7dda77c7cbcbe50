// The Studio's data model page in Chromium: a collection of 50 fields (text, numbers, booleans,
// dates, choices and a many-to-one) on a scratch SQLite database. Measures the time to open
// /admin/settings/data-model/<collection> until every field is listed and the item form preview is
// drawn, two ways: a fresh page load (the Studio boots, fetches the page's chunk) and a click from
// the collection list inside a running Studio. `--runs` (default 7); median, fastest and slowest.
// Needs `node scripts/build.mjs` and Debian's chromium. Run: `node scripts/bench/studio-data-model.mjs`.
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { api, cleanUp, scratchDatabase, startMantle, tempFolder, wasInterrupted } from './lib.mjs';
import { assertChromium, signedInStudio, summary } from './studio-browser.mjs';

const fieldCount = 50;

/** One field of each common kind, in turn, until there are 49 besides the key. */
function wideFields() {
	const kinds = [
		{ type: 'string', meta: { interface: 'input', width: 'half' } },
		{ type: 'integer', meta: { interface: 'numeric', width: 'half' } },
		{ type: 'boolean', meta: { interface: 'toggle', width: 'half' } },
		{ type: 'text', meta: { interface: 'textarea' } },
		{ type: 'date', meta: { interface: 'datetime', width: 'half' } },
		{ type: 'string', meta: { interface: 'select-dropdown', options: { choices: [{ text: 'A', value: 'a' }] }, width: 'half' } },
	];
	return Array.from({ length: fieldCount - 2 }, (_, index) => ({ field: `field_${String(index + 1).padStart(2, '0')}`, ...kinds[index % kinds.length] }));
}

async function seed(url) {
	const key = { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } };
	await api(url, 'POST', '/collections', { collection: 'owners', schema: {}, meta: {}, fields: [key, { field: 'name', type: 'string' }] });
	await api(url, 'POST', '/collections', {
		collection: 'wide',
		schema: {},
		meta: {},
		fields: [key, ...wideFields(), { field: 'owner', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' } }],
	});
	await api(url, 'POST', '/relations', { collection: 'wide', field: 'owner', related_collection: 'owners' });
}

/** In the page: the fields table lists all 50 fields and the preview has drawn the last field's control. */
const pageReady = (count) =>
	document.querySelectorAll('table[aria-label="Fields of wide"] tbody tr').length === count &&
	Boolean(document.querySelector('section[aria-label="Item form preview"] .field[data-field="owner"]'));

export async function run(argv) {
	const { values } = parseArgs({ args: argv, options: { runs: { type: 'string', default: '7' } } });
	const runs = Number(values.runs);
	assertChromium();
	try {
		const folder = tempFolder('mantle-bench-studio-data-model-');
		const database = await scratchDatabase('sqlite', folder);
		const { url } = await startMantle(database, folder);
		await seed(url);
		const { browser, page, signIn } = await signedInStudio(url);
		await signIn();

		const fresh = [];
		const listed = [];
		for (let index = 0; index < runs; index += 1) {
			await page.goto(`${url}/admin/settings/data-model/wide`);
			await page.waitForFunction((count) => document.querySelectorAll('table[aria-label="Fields of wide"] tbody tr').length === count, fieldCount, {
				timeout: 60_000,
				polling: 'raf',
			});
			listed.push(await page.evaluate(() => performance.now()));
			await page.waitForFunction(pageReady, fieldCount, { timeout: 60_000, polling: 'raf' });
			fresh.push(await page.evaluate(() => performance.now()));
		}

		// Chromium's own count of the main thread's busy time for each click: wall time far above it
		// is the machine's load or the network, not the Studio's code.
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Performance.enable');
		const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration').value * 1000;
		const inApp = [];
		const inAppBusy = [];
		for (let index = 0; index < runs; index += 1) {
			await page.goto(`${url}/admin/settings/data-model`);
			await page.getByRole('link', { name: 'wide', exact: true }).waitFor();
			const before = await busy();
			inApp.push(
				await page.evaluate(async (count) => {
					const link = [...document.querySelectorAll('a')].find((anchor) => anchor.textContent === 'wide');
					const started = performance.now();
					link.click();
					await new Promise((resolve) => {
						const check = () => {
							const ready =
								document.querySelectorAll('table[aria-label="Fields of wide"] tbody tr').length === count &&
								document.querySelector('section[aria-label="Item form preview"] .field[data-field="owner"]');
							if (ready) resolve();
							else requestAnimationFrame(check);
						};
						check();
					});
					return performance.now() - started;
				}, fieldCount),
			);
			inAppBusy.push((await busy()) - before);
		}
		await browser.close();

		console.log(`Studio data model page of a ${fieldCount}-field collection, SQLite, fields table and item form preview drawn`);
		console.log(`fresh page load:        ${summary(fresh)} (target < 300 ms)`);
		console.log(`  of which, fields listed: ${summary(listed)}`);
		console.log(`click from the list:    ${summary(inApp)} (target < 300 ms)`);
		console.log(`  main thread busy (Chromium's count): ${summary(inAppBusy)}`);
		console.log(`machine load average while measuring: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs`);
	} catch (error) {
		if (!wasInterrupted()) throw error;
	} finally {
		await cleanUp();
	}
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await run(process.argv.slice(2));
