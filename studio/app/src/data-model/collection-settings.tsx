import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { loadSchema, schema, type Collection, type Field } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';

type Meta = NonNullable<Collection['meta']> & {
	archive_value?: string | null;
	unarchive_value?: string | null;
	accountability?: 'all' | 'activity' | null;
};

/** A collection's own settings: how items are titled, archived, sorted and tracked, and how it looks. */
export function CollectionSettings({ collection, fields }: { collection: Collection; fields: Field[] }) {
	const model = useStore(schema);
	const [meta, setMeta] = useState<Meta>({ accountability: 'all', ...(collection.meta ?? {}) } as Meta);
	const set = (patch: Partial<Meta>) => setMeta({ ...meta, ...patch });
	const columns = fields.filter((field) => field.schema && !field.schema.is_primary_key);

	async function save(event: Event) {
		event.preventDefault();
		try {
			await api.patch(`/collections/${collection.collection}`, {
				meta: {
					display_template: meta.display_template || null,
					archive_field: meta.archive_field || null,
					archive_value: meta.archive_value || null,
					unarchive_value: meta.unarchive_value || null,
					sort_field: meta.sort_field || null,
					singleton: Boolean(meta.singleton),
					hidden: Boolean(meta.hidden),
					icon: meta.icon || null,
					color: meta.color || null,
					note: meta.note || null,
					accountability: meta.accountability ?? null,
					group: meta.group || null,
				},
			});
			await loadSchema();
			notify('Collection settings saved.', 'success');
		} catch (error) {
			reportError(error);
		}
	}

	const select = (label: string, key: 'archive_field' | 'sort_field', choices: Field[]) => (
		<label class="field width-half">
			{label}
			<select value={meta[key] ?? ''} onChange={(e) => set({ [key]: e.currentTarget.value || null })}>
				<option value="">None</option>
				{choices.map((field) => (
					<option key={field.field}>{field.field}</option>
				))}
			</select>
		</label>
	);
	const text = (label: string, key: 'display_template' | 'archive_value' | 'unarchive_value' | 'icon' | 'note', placeholder = '') => (
		<label class="field width-half">
			{label}
			<input value={(meta[key] as string | null | undefined) ?? ''} placeholder={placeholder} onInput={(e) => set({ [key]: e.currentTarget.value })} />
		</label>
	);

	return (
		<form class="form-grid" onSubmit={save} aria-label="Collection settings">
			<h2 class="width-full">Collection settings</h2>
			{text('Display template', 'display_template', '{{title}}')}
			{text('Note', 'note')}
			{select('Archive field', 'archive_field', columns)}
			{text('Archive value', 'archive_value', 'archived')}
			{text('Unarchive value', 'unarchive_value', 'draft')}
			{select(
				'Sort field',
				'sort_field',
				columns.filter((field) => ['integer', 'bigInteger', 'float', 'decimal'].includes(field.type)),
			)}
			{text('Icon', 'icon', 'box')}
			<label class="field width-half">
				Colour
				<input type="color" value={meta.color ?? '#6644ff'} onInput={(e) => set({ color: e.currentTarget.value })} />
			</label>
			<label class="field width-half">
				Accountability
				<select value={meta.accountability ?? ''} onChange={(e) => set({ accountability: (e.currentTarget.value || null) as Meta['accountability'] })}>
					<option value="all">Activity and revisions</option>
					<option value="activity">Activity only</option>
					<option value="">Do not track</option>
				</select>
			</label>
			<label class="field width-half">
				Group
				<select value={meta.group ?? ''} onChange={(e) => set({ group: e.currentTarget.value || null })}>
					<option value="">None</option>
					{model.collections
						.filter((other) => !other.collection.startsWith('directus_') && other.collection !== collection.collection)
						.map((other) => (
							<option key={other.collection}>{other.collection}</option>
						))}
				</select>
			</label>
			<label class="check width-half">
				<input type="checkbox" checked={Boolean(meta.singleton)} onChange={(e) => set({ singleton: e.currentTarget.checked })} />
				Singleton (a single item)
			</label>
			<label class="check width-half">
				<input type="checkbox" checked={Boolean(meta.hidden)} onChange={(e) => set({ hidden: e.currentTarget.checked })} />
				Hidden from the content navigation
			</label>
			<div class="width-full">
				<button type="submit" class="primary">
					Save settings
				</button>
			</div>
		</form>
	);
}
