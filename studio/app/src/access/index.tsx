import { base, match } from '../lib/router.js';
import { EffectivePermissions } from './effective.js';
import { PolicyList } from './policies.js';
import { PolicyPage } from './policy-page.js';
import { RoleList, RolePage } from './roles.js';
import { UserTable } from './users.js';

const tabs = [
	{ path: '/settings/roles', label: 'Roles' },
	{ path: '/settings/policies', label: 'Policies' },
	{ path: '/settings/effective-permissions', label: 'Effective permissions' },
];

/** Users and access control: `/users`, `/settings/roles[/:id]`, `/settings/policies[/:id]`, `/settings/effective-permissions`. */
export function Access({ path }: { path: string }) {
	if (path === '/users') return <UserTable />;
	let params: Record<string, string> | null;
	let page: preact.JSX.Element;
	if ((params = match('/settings/roles/:id', path))) page = <RolePage key={params.id} id={params.id!} />;
	else if ((params = match('/settings/policies/:id', path))) page = <PolicyPage key={params.id} id={params.id!} />;
	else if (path.startsWith('/settings/policies')) page = <PolicyList />;
	else if (path.startsWith('/settings/effective-permissions')) page = <EffectivePermissions />;
	else page = <RoleList />;
	return (
		<div class="access">
			<nav aria-label="Access control" class="tabs">
				{tabs.map((tab) => (
					<a key={tab.path} href={`${base}${tab.path}`} aria-current={path.startsWith(tab.path) ? 'page' : undefined}>
						{tab.label}
					</a>
				))}
			</nav>
			{page}
		</div>
	);
}
