// The browser cost of the SDK: a Studio-like set of imports (client, auth, items, files, users,
// fields, collections) bundled by esbuild for the browser, minified and gzipped, beside the same
// set from @directus/sdk 18. Bundling for `platform: 'browser'` also proves the client pulls in
// no Node-only module (package.json's browser map swaps transport.ts for
// transport.browser.ts). Prints sizes in bytes; the target for @mantle/sdk is under 12 KB gzipped.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const target = 12 * 1024;

// Each entry uses what it imports, as an app would, so nothing is dropped as unused.
export const entries = {
	'@mantle/sdk': `
		import { createClient, webStorage, readItems, readItem, createItem, updateItem, deleteItem, uploadFiles, readFiles, assetUrl, readMe, readUsers, updateMe, readFields, readFieldsByCollection, readCollections, isMantleError } from '@mantle/sdk';
		const client = createClient(location.origin, { storage: webStorage(localStorage), mode: 'session' });
		window.studio = { client, login: client.login, logout: client.logout, commands: { readItems, readItem, createItem, updateItem, deleteItem, uploadFiles, readFiles, assetUrl, readMe, readUsers, updateMe, readFields, readFieldsByCollection, readCollections }, isMantleError };`,
	'@directus/sdk': `
		import { createDirectus, rest, authentication, readItems, readItem, createItem, updateItem, deleteItem, uploadFiles, readFiles, readMe, readUsers, updateMe, readFields, readFieldsByCollection, readCollections } from '@directus/sdk';
		const client = createDirectus(location.origin).with(authentication('session')).with(rest());
		window.studio = { client, login: client.login, logout: client.logout, commands: { readItems, readItem, createItem, updateItem, deleteItem, uploadFiles, readFiles, readMe, readUsers, updateMe, readFields, readFieldsByCollection, readCollections } };`,
};

export async function measure(name, contents) {
	const result = await build({
		stdin: { contents, resolveDir: root, loader: 'js', sourcefile: `${name}-studio-set.js` },
		bundle: true,
		minify: true,
		format: 'esm',
		platform: 'browser',
		target: 'es2020',
		write: false,
		logLevel: 'silent',
		// The Mantle SDK is measured from its sources, so the figure never depends on a stale dist/.
		alias: { '@mantle/sdk': path.join(root, 'studio/sdk/src/index.ts') },
	});
	const code = result.outputFiles[0].contents;
	return { name, minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

export async function run() {
	const rows = [];
	for (const [name, contents] of Object.entries(entries)) {
		if (name === '@directus/sdk' && !existsSync(path.join(root, 'node_modules/@directus/sdk'))) {
			console.log('@directus/sdk is not installed: flock /tmp/npm.lock npm install -D @directus/sdk@18 --no-audit --no-fund');
			continue;
		}
		rows.push(await measure(name, contents));
	}
	console.log('Studio-like import set, esbuild --bundle --minify --platform=browser, gzip -9:');
	for (const row of rows) console.log(`${row.name.padEnd(14)} minified ${String(row.minified).padStart(6)} B   gzipped ${String(row.gzipped).padStart(6)} B`);
	const ours = rows.find((row) => row.name === '@mantle/sdk');
	console.log(`@mantle/sdk target: under ${target} B gzipped — ${ours.gzipped < target ? 'met' : 'NOT met'}`);
	// The issue names @directus/sdk as the peer to beat, for the same set.
	const peer = rows.find((row) => row.name === '@directus/sdk');
	if (peer) console.log(`@mantle/sdk vs @directus/sdk: ${ours.gzipped - peer.gzipped} B gzipped — ${ours.gzipped < peer.gzipped ? 'smaller' : 'NOT smaller'}`);
}
