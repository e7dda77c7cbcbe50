import test from 'ava';
import { createTestDatabase } from '../../../core/test/helpers/databases.js';
import { startKernel } from '../../../core/test/helpers/kernel.js';

/** These talk HTTP only: no browser needed. */
async function withKernel(body: (url: string) => Promise<void>) {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		await body(running.url);
	} finally {
		await running.stop();
		await db.drop();
	}
}

test('/ redirects to /admin, and every /admin path answers the page, never cached, under a CSP without inline scripts', async (t) => {
	await withKernel(async (url) => {
		const root = await fetch(`${url}/`, { redirect: 'manual' });
		t.is(root.status, 302);
		t.is(root.headers.get('location'), '/admin');
		for (const path of [
			'/admin',
			'/admin/login',
			'/admin/content/articles',
			'/admin/content/articles/12',
			'/admin/files',
			'/admin/users',
			'/admin/settings/project',
		]) {
			const response = await fetch(url + path);
			t.is(response.status, 200, path);
			t.regex(response.headers.get('content-type') ?? '', /^text\/html/, path);
			t.regex(response.headers.get('cache-control') ?? '', /no-cache/, path);
			const policy = response.headers.get('content-security-policy') ?? '';
			const scripts = /script-src ([^;]+)/.exec(policy)?.[1] ?? '';
			t.false(scripts.includes("'unsafe-inline'"), `${path}: no inline scripts`);
			t.regex(scripts, /^'self' 'sha256-[A-Za-z0-9+/=]+'$/, `${path}: only this origin and the import map's hash`);
			t.regex(await response.text(), /<div id="app">/);
		}
	});
});

test('fingerprinted assets are cached for a year; unknown or malformed asset names are 404s', async (t) => {
	await withKernel(async (url) => {
		const html = await (await fetch(`${url}/admin`)).text();
		const script = /<script type="module" src="([^"]+)"/.exec(html)![1]!;
		t.regex(script, /^\/admin\/assets\/studio-[A-Z0-9]+\.js$/, 'the name carries a content hash');
		const asset = await fetch(url + script);
		t.is(asset.status, 200);
		t.is(asset.headers.get('cache-control'), 'public, max-age=31536000, immutable');
		t.regex(asset.headers.get('content-type') ?? '', /^text\/javascript/);
		for (const path of ['/admin/assets/nope-123.js', '/admin/assets/..%2F..%2Fpackage.json', '/admin/assets/.hidden']) {
			const response = await fetch(url + path);
			t.is(response.status, 404, path);
			t.is((await response.json()).errors[0].extensions.code, 'ROUTE_NOT_FOUND');
		}
	});
});

test('the app extensions list names the first-party interfaces, displays and layouts, and serves only their built modules', async (t) => {
	await withKernel(async (url) => {
		const list = await (await fetch(`${url}/extensions/sources/index.json`)).json();
		const names = (type: string) => list.data.filter((module: any) => module.type === type).map((module: any) => module.name);
		t.true(['input', 'm2o', 'o2m', 'm2m', 'm2a', 'file', 'image', 'files', 'wysiwyg', 'markdown'].every((name) => names('interface').includes(name)));
		t.deepEqual(names('layout').sort(), ['cards', 'table']);
		t.true(names('display').includes('related-values'));
		const module = await fetch(url + list.data[0].url);
		t.is(module.status, 200);
		t.regex(module.headers.get('content-type') ?? '', /^text\/javascript/);
		for (const path of [
			'/extensions/sources/@mantle+extension-interfaces/package.json',
			'/extensions/sources/@mantle+extension-interfaces/src/input.tsx',
			'/extensions/sources/@mantle+extension-interfaces/../../core/package.json',
			'/extensions/sources/@mantle+extension-items/dist/index.js',
			'/extensions/sources/nope/dist/x.js',
		]) {
			t.is((await fetch(url + path)).status, 404, path);
		}
	});
});
