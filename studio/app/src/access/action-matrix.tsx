import type { ComponentChildren } from 'preact';
import { DataTable } from '../lib/list-page.js';
import { actions, type Action } from './permission-model.js';

/**
 * Collection × action, the grid both a policy's permissions and a user's effective permissions
 * are read in; `cell` draws one `<td>`, so each page keeps its own controls in the same grid.
 */
export function ActionMatrix(props: { label: string; class?: string; collections: string[]; cell: (collection: string, action: Action) => ComponentChildren }) {
	return (
		<DataTable class={props.class ? `table ${props.class}` : 'table'} label={props.label} columns={['Collection', ...actions]}>
			{props.collections.map((collection) => (
				<tr key={collection} data-collection={collection}>
					<th scope="row">{collection}</th>
					{actions.map((action) => props.cell(collection, action))}
				</tr>
			))}
		</DataTable>
	);
}
