import { match } from '../lib/router.js';
import { useStyles } from '../settings-pages/styles.js';
import { SettingsTabs } from '../settings-pages/tabs.js';
import { Designer } from './designer.js';
import { FlowList } from './flow-list.js';
import { css } from './styles.js';

/** `/settings/flows` and `/settings/flows/:id`. */
export default function Flows({ path }: { path: string }) {
	useStyles('flows', css);
	const id = match('/settings/flows/:id', path)?.id;
	return (
		<div class="settings flows">
			<SettingsTabs active="flows" />
			{id ? <Designer key={id} id={id} /> : <FlowList />}
		</div>
	);
}
