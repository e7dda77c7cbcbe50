// Which routes the kernel will serve, decided from the built extensions before any test runs.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extensions = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../extensions');

/**
 * Whether the kernel will serve a route: its extension's built code (what the kernel loads) names
 * it. Decided before any test runs, as ava wants tests declared synchronously.
 */
function served(extension: string, route: string): boolean {
	const dist = path.join(extensions, extension, 'dist');
	if (!existsSync(dist)) return false;
	return readdirSync(dist, { recursive: true, encoding: 'utf8' }).some((file) => {
		if (!file.endsWith('.js')) return false;
		const code = readFileSync(path.join(dist, file), 'utf8');
		return code.includes(`"${route}`) || code.includes(`'${route}`);
	});
}

/** Routes other work is still adding: the tests of a missing one are skipped, and say so. */
export const routes = {
	graphql: served('graphql', '/system'),
	hashUtil: served('utils', '/hash/generate'),
	sortUtil: served('utils', '/sort/:collection'),
	randomUtil: served('utils', '/random/string'),
	policyGlobals: served('policies', '/me/globals'),
	settings: served('settings', 'directus_settings'),
	presets: served('presets', 'directus_presets'),
	notifications: served('notifications', 'directus_notifications'),
	comments: served('comments', 'directus_comments'),
	shares: served('shares', '/auth'),
	versions: served('versions', '/:pk/promote'),
	flows: served('flows', '/trigger/:id'),
	operations: served('operations', 'directus_operations'),
	registry: served('extensions', '/registry'),
	translations: served('translations', 'directus_translations'),
	dashboards: served('dashboards', 'directus_dashboards'),
	panels: served('panels', 'directus_panels'),
};
for (const [name, present] of Object.entries(routes)) if (!present) console.log(`skipping the ${name} tests: the kernel serves no such route yet`);
