import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { base } from '../lib/router.js';
import { me } from '../lib/session.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';
import { ConfirmDialog } from '../shell/dialog.js';
import type { Role } from './permission-model.js';
import { DataTable } from '../lib/list-page.js';
import { PageHeader } from '../lib/list-page.js';
import { RoleSelect } from './role-select.js';

interface UserRow {
	id: string;
	email: string | null;
	first_name: string | null;
	last_name: string | null;
	status: string;
	role: { id: string; name: string } | null;
}

/** `/admin/users`: the users as a table, with invitations by mail and suspension. */
export function UserTable() {
	const self = useStore(me);
	const [users, setUsers] = useState<UserRow[] | null>(null);
	const [roles, setRoles] = useState<Role[]>([]);
	const [search, setSearch] = useState('');
	const [suspending, setSuspending] = useState<UserRow | null>(null);
	const [invite, setInvite] = useState({ email: '', role: '' });

	const load = () =>
		api
			.get<UserRow[]>('/users', {
				fields: ['id', 'email', 'first_name', 'last_name', 'status', 'role.id', 'role.name'],
				limit: -1,
				sort: ['email'],
				...(search ? { search } : {}),
			})
			.then(setUsers, (error) => {
				reportError(error);
				setUsers([]);
			});
	useEffect(() => void load(), [search]);
	useEffect(() => {
		api.get<Role[]>('/roles', { fields: ['id', 'name', 'parent'], limit: -1 }).then(setRoles, () => setRoles([]));
	}, []);

	async function setStatus(user: UserRow, status: 'active' | 'suspended') {
		try {
			await api.patch(`/users/${user.id}`, { status });
			notify(status === 'suspended' ? `${user.email} is suspended.` : `${user.email} is active again.`, 'success');
			await load();
		} catch (error) {
			reportError(error);
		}
	}

	async function sendInvite(event: Event) {
		event.preventDefault();
		try {
			await api.post('/users/invite', { email: invite.email, role: invite.role });
			notify(`Invitation sent to ${invite.email}.`, 'success');
			setInvite({ email: '', role: invite.role });
			await load();
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section aria-labelledby="users-title">
			{suspending && (
				<ConfirmDialog
					title={`Suspend ${suspending.email}?`}
					message="They are signed out and cannot sign in until reactivated."
					confirmLabel="Suspend"
					onConfirm={() => setStatus(suspending, 'suspended')}
					onClose={() => setSuspending(null)}
				/>
			)}
			<PageHeader titleId="users-title" title="User Directory">
				<form role="search" onSubmit={(event) => event.preventDefault()}>
					<input type="search" aria-label="Search users" placeholder="Search" value={search} onInput={(e) => setSearch(e.currentTarget.value)} />
				</form>
				<a class="button primary" href={`${base}/users/+`}>
					Create user
				</a>
			</PageHeader>
			{!users ? (
				<p class="muted">Loading…</p>
			) : (
				<DataTable label="Users" columns={['Email', 'Name', 'Role', 'Status']} hiddenColumn="Actions">
					{users.map((user) => (
						<tr key={user.id} data-user={user.email ?? user.id}>
							<td>
								<a href={`${base}/users/${user.id}`}>{user.email ?? user.id}</a>
							</td>
							<td>{[user.first_name, user.last_name].filter(Boolean).join(' ')}</td>
							<td>{user.role?.name ?? '—'}</td>
							<td data-field="status">{user.status}</td>
							<td>
								<a href={`${base}/settings/effective-permissions?user=${encodeURIComponent(user.id)}`} aria-label={`Permissions of ${user.email}`}>
									Permissions
								</a>{' '}
								{user.id !== self?.id &&
									(user.status === 'suspended' ? (
										<button type="button" onClick={() => setStatus(user, 'active')} aria-label={`Reactivate ${user.email}`}>
											Reactivate
										</button>
									) : (
										user.status === 'active' && (
											<button type="button" class="danger" onClick={() => setSuspending(user)} aria-label={`Suspend ${user.email}`}>
												Suspend
											</button>
										)
									))}
							</td>
						</tr>
					))}
				</DataTable>
			)}
			<form class="row" onSubmit={sendInvite} aria-label="Invite users">
				<label>
					Invite by email
					<input type="email" required value={invite.email} onInput={(e) => setInvite({ ...invite, email: e.currentTarget.value })} />
				</label>
				<label>
					Role
					<RoleSelect roles={roles} value={invite.role} none="Choose a role" required onChange={(role) => setInvite({ ...invite, role })} />
				</label>
				<button type="submit">Send invitation</button>
			</form>
		</section>
	);
}
