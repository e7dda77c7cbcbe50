import { match } from '../lib/router.js';
import { AssetPresetsPage } from './asset-presets.js';
import { ProjectSettingsPage } from './project.js';
import { SystemPage } from './system.js';
import { SettingsTabs } from './tabs.js';

/** `/admin/settings/:section`: project, files and assets, system. */
export default function Settings({ path }: { path: string }) {
	const section = match('/settings/:section/*', path)?.section ?? 'project';
	return (
		<div class="settings">
			<SettingsTabs active={section === 'files' || section === 'system' ? section : 'project'} />
			{section === 'files' ? <AssetPresetsPage /> : section === 'system' ? <SystemPage /> : <ProjectSettingsPage />}
		</div>
	);
}
