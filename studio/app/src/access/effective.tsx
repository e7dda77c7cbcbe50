import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { navigate, useLocation } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { ActionMatrix } from './action-matrix.js';
import { accessOf, roleChain, type AccessRow, type Permission, type Policy, type Role } from './permission-model.js';

interface Subject {
	id: string;
	email: string | null;
	role: string | null;
}

/** What the permissions of every policy a user holds add up to, on one collection and action. */
interface Cell {
	access: 'all' | 'custom';
	fields: Set<string>;
	rules: unknown[];
	everyRow: boolean;
	from: string[];
}

interface Effective {
	policies: Policy[];
	admin: boolean;
	app: boolean;
	cells: Map<string, Cell>;
}

function describeCell(cell: Cell | undefined): string {
	if (!cell) return 'none';
	if (cell.access === 'all') return 'all';
	const fields = cell.fields.has('*') ? 'all' : [...cell.fields].sort().join(', ');
	const rows = cell.everyRow ? 'all' : JSON.stringify(cell.rules.length === 1 ? cell.rules[0] : { _or: cell.rules });
	return `fields: ${fields}; rows: ${rows}`;
}

/**
 * What one user may do, worked out as the kernel does: the policies of their role, of the roles
 * it is nested in, and their own; permissions on the same collection and action add up.
 */
async function effectiveFor(user: Subject): Promise<Effective> {
	const roles = await api.get<Role[]>('/roles', { fields: ['id', 'name', 'parent'], limit: -1 });
	const chain = roleChain(user.role, roles);
	const holders: Record<string, unknown>[] = [{ user: { _eq: user.id } }];
	if (chain.length) holders.push({ role: { _in: chain } });
	const access = await api.get<AccessRow[]>('/access', { filter: { _or: holders }, limit: -1 });
	const ids = [...new Set(access.map((row) => row.policy))];
	if (ids.length === 0) return { policies: [], admin: false, app: false, cells: new Map() };
	const [policies, permissions] = await Promise.all([
		api.get<Policy[]>('/policies', {
			filter: { id: { _in: ids } },
			fields: ['id', 'name', 'admin_access', 'app_access', 'enforce_tfa', 'ip_access'],
			limit: -1,
		}),
		api.get<Permission[]>('/permissions', { filter: { policy: { _in: ids } }, limit: -1 }),
	]);
	const names = new Map(policies.map((policy) => [policy.id, policy.name]));
	const cells: Effective['cells'] = new Map();
	for (const permission of permissions) {
		const key = `${permission.collection}:${permission.action}`;
		const cell = cells.get(key) ?? { access: 'custom' as const, fields: new Set<string>(), rules: [], everyRow: false, from: [] };
		if (accessOf(permission) === 'all') cell.access = 'all';
		for (const field of permission.fields ?? []) cell.fields.add(field);
		if (permission.permissions && Object.keys(permission.permissions).length) cell.rules.push(permission.permissions);
		else cell.everyRow = true;
		cell.from.push(names.get(permission.policy) ?? permission.policy);
		cells.set(key, cell);
	}
	return { policies, admin: policies.some((policy) => policy.admin_access), app: policies.some((policy) => policy.app_access), cells };
}

/** `/admin/settings/effective-permissions?user=…`: every collection and action a chosen user may reach. */
export function EffectivePermissions() {
	const location = useLocation();
	const chosen = location.search.get('user') ?? '';
	const [users, setUsers] = useState<Subject[]>([]);
	const [result, setResult] = useState<Effective | null>(null);
	useEffect(() => {
		api.get<Subject[]>('/users', { fields: ['id', 'email', 'role'], limit: -1, sort: ['email'] }).then(setUsers, reportError);
	}, []);
	useEffect(() => {
		setResult(null);
		const user = users.find((candidate) => candidate.id === chosen);
		if (user) effectiveFor(user).then(setResult, reportError);
	}, [chosen, users]);
	const collections = result ? [...new Set([...result.cells.keys()].map((key) => key.split(':')[0]!))].sort() : [];

	return (
		<section aria-labelledby="effective-title">
			<h1 id="effective-title">Effective permissions</h1>
			<label>
				User
				<select
					value={chosen}
					onChange={(e) => navigate(`/settings/effective-permissions?user=${encodeURIComponent(e.currentTarget.value)}`, { replace: true })}
				>
					<option value="">Choose a user</option>
					{users.map((user) => (
						<option key={user.id} value={user.id}>
							{user.email ?? user.id}
						</option>
					))}
				</select>
			</label>
			{result && (
				<>
					<p>
						Policies: {result.policies.map((policy) => policy.name).join(', ') || 'none'}. {result.admin ? 'Admin access: everything is allowed.' : ''}
						{!result.admin && (result.app ? 'May use the Studio.' : 'May not use the Studio.')}
					</p>
					{!result.admin && (
						<ActionMatrix
							label="Effective permissions"
							collections={collections}
							cell={(collection, action) => {
								const cell = result.cells.get(`${collection}:${action}`);
								return (
									<td key={action} data-action={action} title={cell ? `From ${cell.from.join(', ')}` : undefined}>
										{describeCell(cell)}
									</td>
								);
							}}
						/>
					)}
				</>
			)}
		</section>
	);
}
