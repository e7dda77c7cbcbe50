import { useStyles } from '../settings-pages/styles.js';
import { SettingsTabs } from '../settings-pages/tabs.js';
import { match } from '../lib/router.js';
import { MarketplaceBrowse } from './browse.js';
import { ExtensionPage } from './extension-page.js';
import { InstalledList } from './installed.js';
import { css } from './styles.js';

/** `/settings/marketplace`, `/settings/marketplace/extension/:name` and `/settings/extensions` (the installed list). */
export default function Marketplace({ path }: { path: string }) {
	useStyles('marketplace', css);
	const extension = match('/settings/marketplace/extension/:name', path)?.name;
	const installed = path.startsWith('/settings/extensions');
	return (
		<div class="settings marketplace">
			<SettingsTabs active={installed ? 'extensions' : 'marketplace'} />
			{installed ? <InstalledList /> : extension ? <ExtensionPage key={extension} name={extension} /> : <MarketplaceBrowse />}
		</div>
	);
}
