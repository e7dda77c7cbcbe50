import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { base, navigate } from '../lib/router.js';
import { notify, reportError } from '../lib/toasts.js';
import { ConfirmDialog } from '../shell/dialog.js';
import { roleChain, type AccessRow, type Policy, type Role } from './permission-model.js';
import { NameForm, PageHeader } from '../lib/list-page.js';
import { RoleSelect } from './role-select.js';

const roleFields = ['id', 'name', 'icon', 'description', 'parent'];

/** `/admin/settings/roles`: roles nested by parent, and a form to add one. */
export function RoleList() {
	const [roles, setRoles] = useState<Role[] | null>(null);
	const [parent, setParent] = useState('');
	const [publicPolicies, setPublicPolicies] = useState<string[]>([]);
	useEffect(() => {
		api.get<Role[]>('/roles', { fields: roleFields, limit: -1, sort: ['name'] }).then(setRoles, reportError);
		// Access rows with neither a role nor a user are what anyone gets without signing in.
		api.get<AccessRow[]>('/access', { filter: { _and: [{ role: { _null: true } }, { user: { _null: true } }] }, limit: -1 }).then(
			(rows) => setPublicPolicies(rows.map((row) => row.policy)),
			() => setPublicPolicies([]),
		);
	}, []);
	if (!roles) return <p class="muted">Loading…</p>;

	async function create(name: string) {
		try {
			const role = await api.post<Role>('/roles', { name, parent: parent || null });
			notify(`Role “${name}” created.`, 'success');
			navigate(`/settings/roles/${role.id}`);
		} catch (error) {
			reportError(error);
		}
	}

	const ids = new Set(roles.map((role) => role.id));
	const tree = (group: string | null): preact.JSX.Element | null => {
		const children = roles.filter((role) => (role.parent && ids.has(role.parent) ? role.parent : null) === group);
		if (children.length === 0) return null;
		return (
			<ul role={group ? 'group' : 'tree'} aria-label={group ? undefined : 'Roles'}>
				{children.map((role) => (
					<li key={role.id} role="treeitem" aria-label={role.name}>
						<a href={`${base}/settings/roles/${role.id}`}>{role.name}</a>
						{role.description && <span class="muted"> — {role.description}</span>}
						{tree(role.id)}
					</li>
				))}
			</ul>
		);
	};

	return (
		<section aria-labelledby="roles-title">
			<h1 id="roles-title">Roles</h1>
			{tree(null) ?? <p class="empty">No roles yet.</p>}
			{publicPolicies.length > 0 && (
				<p>
					Public (anyone who has not signed in):{' '}
					{publicPolicies.map((policy, index) => (
						<span key={policy}>
							{index > 0 && ', '}
							<a href={`${base}/settings/policies/${policy}`}>{index === 0 ? 'its policy' : `policy ${index + 1}`}</a>
						</span>
					))}
				</p>
			)}
			<NameForm noun="role" onCreate={create}>
				<label>
					Parent role
					<RoleSelect roles={roles} value={parent} none="None" onChange={setParent} />
				</label>
			</NameForm>
		</section>
	);
}

/** `/admin/settings/roles/:id`: the role's name and parent, and the policies it holds. */
export function RolePage({ id }: { id: string }) {
	const [role, setRole] = useState<Role | null>(null);
	const [roles, setRoles] = useState<Role[]>([]);
	const [policies, setPolicies] = useState<Policy[]>([]);
	const [access, setAccess] = useState<AccessRow[]>([]);
	const [confirming, setConfirming] = useState(false);
	const [members, setMembers] = useState<Array<{ id: string; email: string | null }>>([]);
	const loadAccess = () => api.get<AccessRow[]>('/access', { filter: { role: { _eq: id } }, limit: -1 }).then(setAccess, reportError);
	const loadPolicies = () => api.get<Policy[]>('/policies', { fields: ['id', 'name', 'admin_access', 'app_access'], limit: -1 }).then(setPolicies, reportError);
	useEffect(() => {
		api.get<Role>(`/roles/${id}`, { fields: roleFields }).then(setRole, reportError);
		api.get<Role[]>('/roles', { fields: roleFields, limit: -1 }).then(setRoles, reportError);
		api
			.get<Array<{ id: string; email: string | null }>>('/users', { filter: { role: { _eq: id } }, fields: ['id', 'email'], limit: -1 })
			.then(setMembers, () => setMembers([]));
		void loadPolicies();
		void loadAccess();
	}, [id]);
	if (!role) return <p class="muted">Loading…</p>;
	// A role cannot sit under itself or under one of the roles nested in it.
	const parentChoices = roles.filter((candidate) => !roleChain(candidate.id, roles).includes(id));

	async function save(event: Event) {
		event.preventDefault();
		try {
			await api.patch(`/roles/${id}`, { name: role!.name, description: role!.description || null, parent: role!.parent || null });
			notify('Role saved.', 'success');
		} catch (error) {
			reportError(error);
		}
	}

	async function toggle(policy: string, attached: AccessRow | undefined) {
		try {
			if (attached) await api.delete(`/access/${attached.id}`);
			else await api.post('/access', { role: id, policy });
			await loadAccess();
		} catch (error) {
			reportError(error);
		}
	}

	async function createPolicy() {
		try {
			const policy = await api.post<Policy>('/policies', { name: role!.name, app_access: true, admin_access: false });
			await api.post('/access', { role: id, policy: policy.id });
			navigate(`/settings/policies/${policy.id}`);
		} catch (error) {
			reportError(error);
		}
	}

	async function remove() {
		try {
			await api.delete(`/roles/${id}`);
			navigate('/settings/roles');
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section aria-labelledby="role-title">
			{confirming && (
				<ConfirmDialog
					title={`Delete the role “${role.name}”?`}
					message="Its users keep their accounts but lose what the role allowed."
					confirmLabel="Delete"
					onConfirm={remove}
					onClose={() => setConfirming(false)}
				/>
			)}
			<PageHeader
				titleId="role-title"
				title={
					<>
						<a href={`${base}/settings/roles`}>Roles</a> / {role.name}
					</>
				}
			>
				<button type="button" class="danger" onClick={() => setConfirming(true)}>
					Delete role
				</button>
			</PageHeader>
			<form class="form-grid" onSubmit={save} aria-label="Role">
				<label class="field width-half">
					Name
					<input value={role.name} required onInput={(e) => setRole({ ...role, name: e.currentTarget.value })} />
				</label>
				<label class="field width-half">
					Parent role
					<select value={role.parent ?? ''} onChange={(e) => setRole({ ...role, parent: e.currentTarget.value || null })}>
						<option value="">None</option>
						{parentChoices.map((candidate) => (
							<option key={candidate.id} value={candidate.id}>
								{candidate.name}
							</option>
						))}
					</select>
				</label>
				<label class="field width-full">
					Description
					<input value={role.description ?? ''} onInput={(e) => setRole({ ...role, description: e.currentTarget.value })} />
				</label>
				<div class="width-full">
					<button type="submit" class="primary">
						Save role
					</button>
				</div>
			</form>
			<section aria-labelledby="role-policies">
				<h2 id="role-policies">Policies</h2>
				<ul>
					{policies.map((policy) => {
						const attached = access.find((row) => row.policy === policy.id);
						return (
							<li key={policy.id} class="row">
								<label class="check">
									<input type="checkbox" checked={Boolean(attached)} onChange={() => toggle(policy.id, attached)} />
									{policy.name}
								</label>
								{policy.admin_access && <span class="badge">admin</span>}
								<a href={`${base}/settings/policies/${policy.id}`} aria-label={`Open policy ${policy.name}`}>
									Open
								</a>
							</li>
						);
					})}
				</ul>
				<button type="button" onClick={createPolicy}>
					Create a policy for this role
				</button>
			</section>
			<section aria-labelledby="role-users">
				<h2 id="role-users">Users</h2>
				{members.length === 0 ? (
					<p class="muted">Nobody holds this role yet.</p>
				) : (
					<ul>
						{members.map((member) => (
							<li key={member.id}>
								<a href={`${base}/users/${member.id}`}>{member.email ?? member.id}</a>{' '}
								<a href={`${base}/settings/effective-permissions?user=${encodeURIComponent(member.id)}`} aria-label={`Permissions of ${member.email}`}>
									(permissions)
								</a>
							</li>
						))}
					</ul>
				)}
			</section>
		</section>
	);
}
