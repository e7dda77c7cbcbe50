// One kernel per test file that imports this module (ava runs each file in its own process).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { sharedServer, type SharedServer } from './helpers.js';

export let server: SharedServer;
test.before(async () => {
	server = await sharedServer();
});
test.after.always(() => server?.stop());

const extensions = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../extensions');

/**
 * Whether the kernel will serve a route: its extension's built code (what the kernel loads) names
 * it. Decided before any test runs, as ava wants tests declared synchronously.
 */
function served(extension: string, route: string): boolean {
	const dist = path.join(extensions, extension, 'dist');
	if (!existsSync(dist)) return false;
	return readdirSync(dist, { recursive: true, encoding: 'utf8' }).some((file) => file.endsWith('.js') && readFileSync(path.join(dist, file), 'utf8').includes(route));
}

/** Routes other work is still adding: the tests of a missing one are skipped, and say so. */
export const routes = {
	graphql: served('graphql', "'/system'"),
	hashUtil: served('utils', "'/hash/generate'"),
	sortUtil: served('utils', "'/sort/:collection'"),
	randomUtil: served('utils', "'/random/string'"),
	settings: served('settings', 'settings'),
	presets: served('presets', 'presets'),
	notifications: served('notifications', 'notifications'),
	comments: served('comments', 'comments'),
	shares: served('shares', "'/auth'"),
	versions: served('versions', "'/:pk/promote'"),
	flows: served('flows', "'/trigger/:id'"),
	operations: served('operations', 'operations'),
	registry: served('extensions', "'/registry"),
	translations: served('translations', 'translations'),
	dashboards: served('dashboards', 'dashboards'),
	panels: served('panels', 'panels'),
};
for (const [name, present] of Object.entries(routes)) if (!present) console.log(`skipping the ${name} tests: the kernel serves no such route yet`);
