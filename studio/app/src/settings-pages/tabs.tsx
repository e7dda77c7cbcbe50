import { base } from '../lib/router.js';

const sections = [
	{ id: 'project', label: 'Project' },
	{ id: 'files', label: 'Files & Assets' },
	{ id: 'system', label: 'System' },
	{ id: 'flows', label: 'Flows' },
	{ id: 'marketplace', label: 'Marketplace' },
	{ id: 'extensions', label: 'Installed extensions' },
];

/** The settings' sections as tabs; every settings module draws them so the user can move between them. */
export function SettingsTabs({ active }: { active: string }) {
	return (
		<nav aria-label="Settings" class="tabs">
			{sections.map((section) => (
				<a key={section.id} href={`${base}/settings/${section.id}`} aria-current={section.id === active ? 'page' : undefined}>
					{section.label}
				</a>
			))}
		</nav>
	);
}
