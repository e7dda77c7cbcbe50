import { lazyPage } from '../lib/lazy.js';
import { match } from '../lib/router.js';

// Each module is its own chunk: a user who never opens the flows designer never downloads it.
const Marketplace = lazyPage(() => import('../marketplace/index.js').then((module) => module.default));
const Flows = lazyPage(() => import('../flows/index.js').then((module) => module.default));
const Insights = lazyPage(() => import('../insights/index.js').then((module) => module.default));
const Settings = lazyPage(() => import('./index.js').then((module) => module.default));

/** `/settings/...`: the marketplace (with the installed list) and the flows designer have their own modules; the rest are settings pages. */
export function SettingsModule({ path }: { path: string }) {
	const section = match('/settings/:section/*', path)?.section;
	if (section === 'marketplace' || section === 'extensions') return <Marketplace path={path} />;
	if (section === 'flows') return <Flows path={path} />;
	return <Settings path={path} />;
}

/** `/insights` and `/insights/:dashboard`. */
export function InsightsModule({ path }: { path: string }) {
	return <Insights path={path} />;
}
