import { api } from '../lib/api.js';
import { base, navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import type { Policy } from './permission-model.js';
import { DataTable, NameForm, useRecords } from '../lib/list-page.js';

/** `/admin/settings/policies`: every policy with its flags, and a form to add one. */
export function PolicyList() {
	const policies = useRecords(() =>
		api.get<Policy[]>('/policies', {
			fields: ['id', 'name', 'description', 'admin_access', 'app_access', 'enforce_tfa', 'ip_access'],
			limit: -1,
			sort: ['name'],
		}),
	);
	if (!policies) return <p class="muted">Loading…</p>;

	async function create(name: string) {
		try {
			const policy = await api.post<Policy>('/policies', { name, app_access: true, admin_access: false });
			navigate(`/settings/policies/${policy.id}`);
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section aria-labelledby="policies-title">
			<h1 id="policies-title">Policies</h1>
			<DataTable label="Policies" columns={['Name', 'Admin', 'App', 'Two-factor', 'IP allow-list']}>
				{policies.map((policy) => (
					<tr key={policy.id}>
						<td>
							<a href={`${base}/settings/policies/${policy.id}`}>{policy.name}</a>
						</td>
						<td>{policy.admin_access ? 'yes' : 'no'}</td>
						<td>{policy.app_access ? 'yes' : 'no'}</td>
						<td>{policy.enforce_tfa ? 'required' : 'optional'}</td>
						<td>{Array.isArray(policy.ip_access) ? policy.ip_access.join(', ') : (policy.ip_access ?? 'any')}</td>
					</tr>
				))}
			</DataTable>
			<NameForm noun="policy" onCreate={create} />
		</section>
	);
}
