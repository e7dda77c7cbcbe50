import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { fieldsOf } from '../lib/schema.js';
import { me } from '../lib/session.js';
import { notify, reportError } from '../lib/toasts.js';
import { plain } from './value-display.js';
import { DataTable } from '../lib/list-page.js';

interface Revision {
	id: number;
	data: Record<string, unknown> | null;
	delta: Record<string, unknown> | null;
	activity?: { action?: string; timestamp?: string; user?: string | null } | null;
}

/** The item's revisions, newest first; one opens as a diff against now and can be restored. */
export function Revisions({
	collection,
	id,
	current,
	onReverted,
}: {
	collection: string;
	id: string;
	current: Record<string, unknown>;
	onReverted: (item: Record<string, unknown>) => void;
}) {
	const [list, setList] = useState<Revision[] | null>(null);
	const [open, setOpen] = useState<Revision | null>(null);
	useEffect(() => {
		api
			.get<Revision[]>('/revisions', {
				filter: { collection: { _eq: collection }, item: { _eq: id } },
				sort: ['-id'],
				fields: ['id', 'data', 'delta', 'activity.action', 'activity.timestamp', 'activity.user'],
				limit: 100,
			})
			.then(setList, (error) => {
				reportError(error);
				setList([]);
			});
	}, [collection, id]);

	const editable = new Set(
		fieldsOf(collection)
			.filter((field) => field.type !== 'alias' && !field.schema?.is_primary_key)
			.map((field) => field.field),
	);

	async function revert(revision: Revision) {
		const data = Object.fromEntries(Object.entries(revision.data ?? {}).filter(([key]) => editable.has(key)));
		try {
			const reverted = await api.patch<Record<string, unknown>>(`/items/${encodeURIComponent(collection)}/${encodeURIComponent(id)}`, data, { fields: ['*'] });
			notify('Reverted to the chosen revision.', 'success');
			setOpen(null);
			onReverted(reverted);
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<aside class="sidebar" aria-label="Revisions">
			<h2>Revisions</h2>
			{list === null && <p class="muted">Loading…</p>}
			{list?.length === 0 && <p class="muted">No revisions yet.</p>}
			<ol class="revisions">
				{list?.map((revision) => {
					const who = me.get()?.id === revision.activity?.user ? 'you' : null;
					return (
						<li key={revision.id}>
							<button type="button" class="link" aria-expanded={open?.id === revision.id} onClick={() => setOpen(open?.id === revision.id ? null : revision)}>
								{revision.activity?.action ?? 'change'} ·{' '}
								{revision.activity?.timestamp ? new Date(revision.activity.timestamp).toLocaleString() : `#${revision.id}`}
								{who ? ` · ${who}` : ''}
							</button>
							{open?.id === revision.id && (
								<div class="diff">
									<DataTable class="" caption={`Changes of revision ${revision.id} compared with now`} columns={['Field', 'Then', 'Now']}>
										{Object.keys(revision.data ?? revision.delta ?? {})
											.filter((key) => editable.has(key))
											.map((key) => {
												const then = plain((revision.data ?? revision.delta)![key]);
												const now = plain(current[key]);
												return (
													<tr key={key} class={then === now ? 'same' : 'changed'}>
														<th scope="row">{key}</th>
														<td>
															<del>{then}</del>
														</td>
														<td>
															<ins>{now}</ins>
														</td>
													</tr>
												);
											})}
									</DataTable>
									<button type="button" class="primary" onClick={() => revert(revision)}>
										Revert to this revision
									</button>
								</div>
							)}
						</li>
					);
				})}
			</ol>
		</aside>
	);
}
