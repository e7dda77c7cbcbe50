import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { build } from 'esbuild';
import { chromiumArgs, chromiumPath } from '../../../scripts/bench/studio-browser.mjs';
import { adminEmail, adminPassword, withServer } from './helpers.js';

const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/index.ts');
const missing = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath} (apt-get install -y chromium)`;
if (missing && process.env.REQUIRE_SERVICES !== '1') console.log(`skipping the SDK browser test: ${missing}`);

/** The SDK bundled for `platform` as one script, with the source files it pulled in; bundling fails if the browser build imports any Node-only module. */
async function bundle(platform: 'browser' | 'node'): Promise<{ text: string; inputs: string[] }> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		format: 'iife',
		globalName: 'MantleSDK',
		platform,
		target: 'es2020',
		write: false,
		metafile: true,
		logLevel: 'silent',
	});
	const inputs = Object.keys(result.metafile.inputs).map((file) => path.basename(file));
	return { text: result.outputFiles[0]!.text, inputs };
}

const browserBundle = async () => (await bundle('browser')).text;

test('the browser build leaves out the cookie jar, the multipart encoder and the progress stream; the Node build has them', async (t) => {
	const browser = await bundle('browser');
	const node = await bundle('node');
	for (const file of ['transport.ts', 'cookies.ts', 'upload.ts']) {
		t.false(browser.inputs.includes(file), `${file} is not in the browser bundle`);
		t.true(node.inputs.includes(file), `${file} is in the Node bundle`);
	}
	t.true(browser.inputs.includes('transport.browser.ts'));
	t.false(node.inputs.includes('transport.browser.ts'));
	// What each piece does, as it reads in the output: keep Set-Cookie, write multipart boundaries, stream the body.
	for (const marker of ['getSetCookie', 'multipart/form-data; boundary=', 'duplex']) {
		t.false(browser.text.includes(marker), `no ${marker} in the browser bundle`);
		t.true(node.text.includes(marker), `${marker} in the Node bundle`);
	}
	t.true(browser.text.includes('XMLHttpRequest'), 'browsers upload with progress through XMLHttpRequest');
	t.false(node.text.includes('XMLHttpRequest'));
});

test("the Studio-like import set bundles for the browser smaller than @directus/sdk 18's, gzipped", async (t) => {
	// The bench's own measure (scripts/bench/sdk.mjs), so the test and `npm run bench -- sdk` agree; @directus/sdk is a root devDependency.
	const { entries, measure } = await import(new URL('../../../scripts/bench/sdk.mjs', import.meta.url).href);
	const ours = await measure('@mantle/sdk', entries['@mantle/sdk']);
	const peer = await measure('@directus/sdk', entries['@directus/sdk']);
	t.log(`@mantle/sdk ${ours.gzipped} B, @directus/sdk ${peer.gzipped} B gzipped`);
	t.true(ours.gzipped < peer.gzipped, `@mantle/sdk ${ours.gzipped} B is not under @directus/sdk's ${peer.gzipped} B`);
});

test("package.json's browser map swaps the same file in src (Studio, bench, tests) and in the published dist", (t) => {
	const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { browser: Record<string, string> };
	const pairs = Object.entries(manifest.browser);
	const dist = (file: string) => file.replace('./src/', './dist/').replace(/\.ts$/, '.js');
	for (const [from, to] of pairs.filter(([from]) => from.startsWith('./src/'))) {
		t.true(existsSync(new URL(`../${to}`, import.meta.url)), `${to} exists`);
		t.true(existsSync(new URL(`../${from.replace(/\.js$/, '.ts')}`, import.meta.url)), `${from} has a source`);
		t.is(manifest.browser[dist(from)], dist(to), `dist maps ${dist(from)} as src maps ${from}`);
	}
	t.is(pairs.length, 2);
});

(missing && process.env.REQUIRE_SERVICES !== '1' ? test.skip : test)(
	"in Chromium: session login with the browser's cookies, XHR upload progress, and abort",
	async (t) => {
		if (missing) t.fail(missing);
		const bundle = await browserBundle();
		const { chromium } = await import('playwright-core');
		await withServer(t, {}, async ({ url }) => {
			const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
			try {
				const page = await browser.newPage();
				await page.goto(`${url}/server/ping`);
				// tsx names this file's functions with a `__name` helper, which travels with page.evaluate's source.
				await page.addScriptTag({ content: `${bundle}\nwindow.__name = (fn) => fn;` });
				const outcome = await page.evaluate(
					async ({ email, password }) => {
						const sdk = (window as any).MantleSDK;
						const client = sdk.createClient(location.origin, { mode: 'session', storage: sdk.webStorage(localStorage) });
						await client.login({ email, password });
						const me = await client.request(sdk.readMe({ fields: ['email'] }));
						const form = new FormData();
						form.append('title', 'From the browser');
						form.append('file', new Blob([new Uint8Array(2 * 1024 * 1024)]), 'zeros.bin');
						const events: Array<{ loaded: number; total: number }> = [];
						const file = await client.request(sdk.uploadFiles(form, { onProgress: (event: { loaded: number; total: number }) => events.push(event) }));
						const controller = new AbortController();
						const big = new FormData();
						big.append('file', new Blob([new Uint8Array(16 * 1024 * 1024)]), 'big.bin');
						let aborted = '';
						try {
							await client.request(sdk.uploadFiles(big, { onProgress: () => controller.abort() }), { signal: controller.signal });
						} catch (error) {
							aborted = (error as { code?: string }).code ?? String(error);
						}
						return { email: me.email, cookie: document.cookie, title: file.title, size: Number(file.filesize), events, aborted };
					},
					{ email: adminEmail, password: adminPassword },
				);
				t.is(outcome.email, adminEmail, 'the session cookie the browser keeps signs the requests');
				t.false(outcome.cookie.includes('directus_session_token'), 'the session cookie is httpOnly: scripts never see it');
				t.is(outcome.title, 'From the browser');
				t.is(outcome.size, 2 * 1024 * 1024);
				t.true(outcome.events.length > 0);
				const last = outcome.events.at(-1)!;
				t.is(last.loaded, last.total);
				t.is(outcome.aborted, 'ABORTED');
			} finally {
				await browser.close();
			}
		});
	},
);
