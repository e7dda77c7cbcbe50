import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { base, navigate } from '../lib/router.js';
import { collectionOf, fieldsOf, loadSchema, schema, type Field } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';
import { CollectionSettings } from './collection-settings.js';
import { DeleteDialog } from './delete-dialog.js';
import { collectionDependents, fieldDependents } from './dependents.js';
import { FieldEditor } from './field-editor.js';
import { kindOf } from './field-draft.js';
import { FormPreview } from './preview.js';
import { DataTable } from '../lib/list-page.js';
import { PageHeader } from '../lib/list-page.js';

/** `/admin/settings/data-model/:collection`: its fields, its settings, and a preview of its item form. */
export function CollectionPage({ collection }: { collection: string }) {
	const model = useStore(schema);
	const [editing, setEditing] = useState<Field | 'new' | null>(null);
	const [deleting, setDeleting] = useState<Field | 'collection' | null>(null);
	const info = collectionOf(collection, model);
	if (!info)
		return (
			<p class="empty" role="alert">
				There is no collection “{collection}”, or you may not see it. <a href={`${base}/settings/data-model`}>Back to the data model</a>
			</p>
		);
	const fields = fieldsOf(collection, model);

	async function removeField(field: Field) {
		try {
			await api.delete(`/fields/${collection}/${field.field}`);
			await loadSchema();
			notify(`Field “${field.field}” deleted.`, 'success');
		} catch (error) {
			reportError(error);
		}
	}

	async function removeCollection() {
		try {
			await api.delete(`/collections/${collection}`);
			await loadSchema();
			notify(`Collection “${collection}” deleted.`, 'success');
			navigate('/settings/data-model');
		} catch (error) {
			reportError(error);
		}
	}

	/** Swaps a field with its neighbour and renumbers the collection's fields, as the item form orders them. */
	async function move(index: number, by: -1 | 1) {
		const order = fields.map((field) => field.field);
		[order[index], order[index + by]] = [order[index + by]!, order[index]!];
		try {
			await Promise.all(
				order.flatMap((name, at) =>
					fields.find((field) => field.field === name)?.meta?.sort === at + 1 ? [] : [api.patch(`/fields/${collection}/${name}`, { meta: { sort: at + 1 } })],
				),
			);
			await loadSchema();
		} catch (error) {
			reportError(error);
		}
	}

	const system = collection.startsWith('directus_');
	return (
		<section class="data-model-collection" aria-labelledby="collection-title">
			<PageHeader
				titleId="collection-title"
				title={
					<>
						<a href={`${base}/settings/data-model`}>Data Model</a> / {collection}
					</>
				}
			>
				{!system && (
					<button type="button" class="primary" onClick={() => setEditing('new')}>
						Create field
					</button>
				)}
				{!system && (
					<button type="button" class="danger" onClick={() => setDeleting('collection')}>
						Delete collection
					</button>
				)}
			</PageHeader>
			<DataTable label={`Fields of ${collection}`} columns={['Field', 'Type', 'Interface', 'Details']} hiddenColumn="Actions">
				{fields.map((field, index) => (
					<tr key={field.field} data-field={field.field}>
						<td>
							<button type="button" class="link" onClick={() => setEditing(field)} aria-label={`Edit field ${field.field}`}>
								{field.field}
							</button>
							{field.meta?.group && <span class="muted"> in {field.meta.group}</span>}
						</td>
						<td>{field.type}</td>
						<td>{field.meta?.interface ?? '—'}</td>
						<td>{details(field, model.relations)}</td>
						<td class="row">
							<button type="button" class="ghost" aria-label={`Move ${field.field} up`} disabled={index === 0 || system} onClick={() => move(index, -1)}>
								↑
							</button>
							<button
								type="button"
								class="ghost"
								aria-label={`Move ${field.field} down`}
								disabled={index === fields.length - 1 || system}
								onClick={() => move(index, 1)}
							>
								↓
							</button>
							{!system && !field.schema?.is_primary_key && (
								<button type="button" class="ghost" aria-label={`Delete field ${field.field}`} onClick={() => setDeleting(field)}>
									×
								</button>
							)}
						</td>
					</tr>
				))}
			</DataTable>
			{!system && <CollectionSettings key={collection} collection={info} fields={fields} />}
			<details open={fields.length <= 30}>
				<summary>Item form preview</summary>
				<FormPreview collection={collection} />
			</details>
			{deleting && (
				<DeleteDialog
					what={deleting === 'collection' ? `the collection “${collection}” and all its items` : `the field “${collection}.${deleting.field}”`}
					dependents={deleting === 'collection' ? collectionDependents(collection, model) : fieldDependents(collection, deleting.field, model)}
					onConfirm={() => (deleting === 'collection' ? removeCollection() : removeField(deleting))}
					onClose={() => setDeleting(null)}
				/>
			)}
			{editing && <FieldEditor collection={collection} field={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
		</section>
	);
}

/** A short line on what the field is: key, relation, flags. */
function details(field: Field, relations: ReturnType<typeof schema.get>['relations']): string {
	const parts: string[] = [];
	if (field.schema?.is_primary_key) parts.push('primary key');
	const kind = kindOf(field);
	if (kind === 'm2o') {
		const relation = relations.find((candidate) => candidate.collection === field.collection && candidate.field === field.field);
		parts.push(`M2O → ${relation?.related_collection ?? '?'}`);
	} else if (kind !== 'standard') {
		const relation = relations.find((candidate) => candidate.related_collection === field.collection && candidate.meta?.one_field === field.field);
		parts.push(`${kind.toUpperCase()}${relation ? ` via ${relation.collection}` : ''}`);
	}
	if (field.meta?.required) parts.push('required');
	if (field.meta?.hidden) parts.push('hidden');
	if (field.schema && field.schema.is_nullable === false && !field.schema.is_primary_key) parts.push('not null');
	return parts.join(', ');
}
