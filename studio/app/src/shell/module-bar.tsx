import { useEffect, useState } from 'preact/hooks';
import { accessFlags, loadAccessFlags } from '../lib/access-flags.js';
import { base } from '../lib/router.js';
import { project } from '../lib/session.js';
import { useStore } from '../lib/store.js';
import { Icon } from './icons.js';
import { Notifications } from './notifications.js';
import { UserMenu } from '../user/user-menu.js';

const modules = [
	{ id: 'content', label: 'Content', icon: 'box' },
	{ id: 'files', label: 'File Library', icon: 'folder' },
	{ id: 'users', label: 'User Directory', icon: 'people' },
	{ id: 'insights', label: 'Insights', icon: 'insights' },
	{ id: 'settings/data-model', label: 'Data Model', icon: 'database', adminOnly: true },
	{ id: 'settings/roles', label: 'Access Control', icon: 'lock', adminOnly: true },
	{ id: 'settings', label: 'Settings', icon: 'settings' },
];

export function ModuleBar({ path }: { path: string }) {
	const { name, color } = useStore(project);
	const flags = useStore(accessFlags);
	useEffect(() => void loadAccessFlags(), []);
	// Admin pages are offered once the user is known to be an admin; a user who is not sees fewer icons.
	const shown = modules.filter((module) => !('adminOnly' in module) || flags?.admin_access);
	// The most specific module owns the page: Data Model, not Settings, on /settings/data-model.
	const active = modules.filter((module) => path.startsWith(`/${module.id}`)).sort((a, b) => b.id.length - a.id.length)[0]?.id;
	const [drawer, setDrawer] = useState<'notifications' | 'user' | null>(null);
	return (
		<nav class="module-bar" aria-label="Modules">
			<a class="project" href={`${base}/content`} title={name} style={color ? { background: color } : undefined}>
				<span aria-hidden="true">{name.slice(0, 1).toUpperCase()}</span>
				<span class="visually-hidden">{name}</span>
			</a>
			{shown.map((module) => (
				<a key={module.id} href={`${base}/${module.id}`} class="module" aria-current={module.id === active ? 'page' : undefined} title={module.label}>
					<Icon name={module.icon} />
					<span class="visually-hidden">{module.label}</span>
				</a>
			))}
			<span class="spacer" />
			<button
				type="button"
				class="module"
				aria-label="Notifications"
				aria-expanded={drawer === 'notifications'}
				onClick={() => setDrawer(drawer === 'notifications' ? null : 'notifications')}
			>
				<Icon name="notifications" />
			</button>
			<button
				type="button"
				class="module"
				aria-label="User menu"
				aria-expanded={drawer === 'user'}
				onClick={() => setDrawer(drawer === 'user' ? null : 'user')}
			>
				<Icon name="person" />
			</button>
			{drawer === 'notifications' && <Notifications onClose={() => setDrawer(null)} />}
			{drawer === 'user' && <UserMenu onClose={() => setDrawer(null)} />}
		</nav>
	);
}
