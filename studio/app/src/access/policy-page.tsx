import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { base, navigate } from '../lib/router.js';
import { notify, reportError } from '../lib/toasts.js';
import { ConfirmDialog } from '../shell/dialog.js';
import { PermissionsMatrix } from './permissions-matrix.js';
import type { AccessRow, Policy, Role } from './permission-model.js';
import { PageHeader } from '../lib/list-page.js';

/** `/admin/settings/policies/:id`: the policy's flags, the roles holding it, and its permissions. */
export function PolicyPage({ id }: { id: string }) {
	const [policy, setPolicy] = useState<Policy | null>(null);
	const [ips, setIps] = useState('');
	const [roles, setRoles] = useState<Role[]>([]);
	const [access, setAccess] = useState<AccessRow[]>([]);
	const [missing, setMissing] = useState(false);
	const [confirming, setConfirming] = useState(false);

	const loadAccess = () => api.get<AccessRow[]>('/access', { filter: { policy: { _eq: id } }, limit: -1 }).then(setAccess, reportError);
	useEffect(() => {
		api.get<Policy>(`/policies/${id}`, { fields: ['id', 'name', 'icon', 'description', 'admin_access', 'app_access', 'enforce_tfa', 'ip_access'] }).then(
			(found) => {
				setPolicy(found);
				setIps(Array.isArray(found.ip_access) ? found.ip_access.join(', ') : (found.ip_access ?? ''));
			},
			(error) => {
				reportError(error);
				setMissing(true);
			},
		);
		api.get<Role[]>('/roles', { fields: ['id', 'name', 'parent'], limit: -1 }).then(setRoles, () => setRoles([]));
		void loadAccess();
	}, [id]);

	if (missing) return <p class="empty">This policy does not exist, or you may not see it.</p>;
	if (!policy) return <p class="muted">Loading…</p>;
	const set = (patch: Partial<Policy>) => setPolicy({ ...policy, ...patch });

	async function save(event: Event) {
		event.preventDefault();
		const list = ips
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
		try {
			await api.patch(`/policies/${id}`, {
				name: policy!.name,
				description: policy!.description || null,
				admin_access: policy!.admin_access,
				app_access: policy!.app_access,
				enforce_tfa: policy!.enforce_tfa,
				ip_access: list.length ? list : null,
			});
			notify('Policy saved.', 'success');
		} catch (error) {
			reportError(error);
		}
	}

	async function toggleRole(role: string, attached: AccessRow | undefined) {
		try {
			if (attached) await api.delete(`/access/${attached.id}`);
			else await api.post('/access', { role, policy: id });
			await loadAccess();
		} catch (error) {
			reportError(error);
		}
	}

	async function remove() {
		try {
			await api.delete(`/policies/${id}`);
			notify('Policy deleted.', 'success');
			navigate('/settings/policies');
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section aria-labelledby="policy-title">
			{confirming && (
				<ConfirmDialog
					title={`Delete the policy “${policy.name}”?`}
					message="Its permissions go with it, and the roles and users holding it lose them."
					confirmLabel="Delete"
					onConfirm={remove}
					onClose={() => setConfirming(false)}
				/>
			)}
			<PageHeader
				titleId="policy-title"
				title={
					<>
						<a href={`${base}/settings/policies`}>Policies</a> / {policy.name}
					</>
				}
			>
				<button type="button" class="danger" onClick={() => setConfirming(true)}>
					Delete policy
				</button>
			</PageHeader>
			<form class="form-grid" onSubmit={save} aria-label="Policy">
				<label class="field width-half">
					Name
					<input value={policy.name} required onInput={(e) => set({ name: e.currentTarget.value })} />
				</label>
				<label class="field width-half">
					Description
					<input value={policy.description ?? ''} onInput={(e) => set({ description: e.currentTarget.value })} />
				</label>
				<label class="check width-half">
					<input type="checkbox" checked={policy.admin_access} onChange={(e) => set({ admin_access: e.currentTarget.checked })} />
					Admin access (everything, permissions ignored)
				</label>
				<label class="check width-half">
					<input type="checkbox" checked={policy.app_access} onChange={(e) => set({ app_access: e.currentTarget.checked })} />
					App access (may use the Studio)
				</label>
				<label class="check width-half">
					<input type="checkbox" checked={policy.enforce_tfa} onChange={(e) => set({ enforce_tfa: e.currentTarget.checked })} />
					Require two-factor authentication
				</label>
				<label class="field width-half">
					IP allow-list (comma separated; empty allows any address)
					<input value={ips} placeholder="10.0.0.0/8, 192.168.1.7" onInput={(e) => setIps(e.currentTarget.value)} />
				</label>
				<div class="width-full">
					<button type="submit" class="primary">
						Save policy
					</button>
				</div>
			</form>
			<fieldset>
				<legend>Roles holding this policy</legend>
				{roles.map((role) => {
					const attached = access.find((row) => row.role === role.id);
					return (
						<label class="check" key={role.id}>
							<input type="checkbox" checked={Boolean(attached)} onChange={() => toggleRole(role.id, attached)} />
							{role.name}
						</label>
					);
				})}
			</fieldset>
			{policy.admin_access ? <p class="note">An admin policy allows everything; its permissions are not consulted.</p> : <PermissionsMatrix policy={id} />}
		</section>
	);
}
