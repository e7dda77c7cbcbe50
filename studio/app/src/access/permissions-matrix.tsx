import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { schema } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { reportError } from '../lib/toasts.js';
import { PermissionEditor } from './permission-editor.js';
import { ActionMatrix } from './action-matrix.js';
import { accessOf, fullAccess, type Access, type Action, type Permission } from './permission-model.js';

/**
 * Collection × action for one policy. Each cell is none, all, or custom; choosing custom (or
 * "Edit" on a custom cell) opens the field selection, item rule, validation and presets.
 */
export function PermissionsMatrix({ policy }: { policy: string }) {
	const model = useStore(schema);
	const [rows, setRows] = useState<Permission[] | null>(null);
	const [showSystem, setShowSystem] = useState(false);
	const [editing, setEditing] = useState<{ collection: string; action: Action } | null>(null);

	const load = () =>
		api.get<Permission[]>('/permissions', { filter: { policy: { _eq: policy } }, limit: -1 }).then(setRows, (error) => {
			reportError(error);
			setRows([]);
		});
	useEffect(() => void load(), [policy]);

	if (!rows) return <p class="muted">Loading…</p>;
	const find = (collection: string, action: Action) => rows.find((row) => row.collection === collection && row.action === action);
	const collections = model.collections
		.filter((collection) => collection.schema && (showSystem || !collection.collection.startsWith('directus_')))
		.map((collection) => collection.collection);

	async function choose(collection: string, action: Action, access: Access) {
		const current = find(collection, action);
		try {
			if (access === 'custom') return setEditing({ collection, action });
			if (access === 'none' && current?.id !== undefined) await api.delete(`/permissions/${current.id}`);
			if (access === 'all') {
				if (current?.id !== undefined) await api.patch(`/permissions/${current.id}`, fullAccess);
				else await api.post('/permissions', { policy, collection, action, ...fullAccess });
			}
			await load();
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section aria-labelledby="permissions-title">
			<h2 id="permissions-title">Permissions</h2>
			<label class="check">
				<input type="checkbox" checked={showSystem} onChange={(e) => setShowSystem(e.currentTarget.checked)} />
				Show system collections
			</label>
			<ActionMatrix
				label="Permissions"
				class="permissions-matrix"
				collections={collections}
				cell={(collection, action) => {
					const access = accessOf(find(collection, action));
					return (
						<td key={action} data-access={access}>
							<select aria-label={`${collection} ${action}`} value={access} onChange={(e) => choose(collection, action, e.currentTarget.value as Access)}>
								<option value="none">None</option>
								<option value="all">All</option>
								<option value="custom">Custom</option>
							</select>
							{access === 'custom' && (
								<button type="button" class="link" aria-label={`Edit ${collection} ${action}`} onClick={() => setEditing({ collection, action })}>
									Edit
								</button>
							)}
						</td>
					);
				}}
			/>
			{editing && (
				<PermissionEditor
					policy={policy}
					collection={editing.collection}
					action={editing.action}
					permission={find(editing.collection, editing.action)}
					onClose={() => {
						setEditing(null);
						void load();
					}}
					onSaved={() => {
						setEditing(null);
						void load();
					}}
				/>
			)}
		</section>
	);
}
