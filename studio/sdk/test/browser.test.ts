import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { build } from 'esbuild';
import { adminEmail, adminPassword, withServer } from './helpers.js';

const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chromiumArgs = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
];
const entry = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../src/index.ts');
const missing = existsSync(chromiumPath) ? undefined : `no Chromium at ${chromiumPath} (apt-get install -y chromium)`;
if (missing && process.env.REQUIRE_SERVICES !== '1') console.log(`skipping the SDK browser test: ${missing}`);

/** The SDK bundled for the browser as one script; bundling fails if the client imports any Node-only module. */
async function browserBundle(): Promise<string> {
	const result = await build({
		entryPoints: [entry],
		bundle: true,
		format: 'iife',
		globalName: 'MantleSDK',
		platform: 'browser',
		target: 'es2020',
		write: false,
		logLevel: 'silent',
	});
	return result.outputFiles[0]!.text;
}

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
