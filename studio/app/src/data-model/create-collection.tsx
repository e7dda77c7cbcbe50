import { useState } from 'preact/hooks';
import { messageOf } from '../lib/api.js';
import { schema } from '../lib/schema.js';
import { NamedOptions } from '../lib/form-fields.js';
import { useStore } from '../lib/store.js';
import { checkName, createCollection, type KeyType, type SystemField } from './model-api.js';

const keyTypes: Array<{ id: KeyType; name: string }> = [
	{ id: 'integer', name: 'Auto-incremented integer' },
	{ id: 'bigInteger', name: 'Auto-incremented big integer' },
	{ id: 'uuid', name: 'Generated UUID' },
	{ id: 'string', name: 'Manually entered string' },
];

const optional: Array<{ id: SystemField; label: string }> = [
	{ id: 'status', label: 'Status' },
	{ id: 'sort', label: 'Sort' },
	{ id: 'user_created', label: 'Created by' },
	{ id: 'date_created', label: 'Created on' },
	{ id: 'user_updated', label: 'Updated by' },
	{ id: 'date_updated', label: 'Updated on' },
];

/** Name, primary key type and the optional system fields of a new collection, or a folder. */
export function CreateCollection({ onCreated }: { onCreated: (name: string) => void }) {
	const model = useStore(schema);
	const [name, setName] = useState('');
	const [folder, setFolder] = useState(false);
	const [keyType, setKeyType] = useState<KeyType>('integer');
	const [system, setSystem] = useState<SystemField[]>([]);
	const [group, setGroup] = useState('');
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: Event) {
		event.preventDefault();
		const problem = checkName(name, 'collection');
		if (problem) return setError(problem);
		if (model.collections.some((collection) => collection.collection === name)) return setError(`A collection “${name}” already exists.`);
		setBusy(true);
		setError(null);
		try {
			await createCollection({ collection: name, folder, keyType, system, group: group || null });
			onCreated(name);
		} catch (failure) {
			setError(messageOf(failure));
		} finally {
			setBusy(false);
		}
	}

	return (
		<form class="form-grid" onSubmit={submit} aria-label="New collection">
			<label class="field width-full">
				Collection name
				<input value={name} required onInput={(e) => setName(e.currentTarget.value.trim())} />
			</label>
			<label class="check width-full">
				<input type="checkbox" checked={folder} onChange={(e) => setFolder(e.currentTarget.checked)} />
				Folder only (groups other collections, holds no items)
			</label>
			{!folder && (
				<>
					<label class="field width-full">
						Primary key
						<select value={keyType} onChange={(e) => setKeyType(e.currentTarget.value as KeyType)}>
							<NamedOptions types={keyTypes} />
						</select>
					</label>
					<fieldset class="width-full">
						<legend>Optional fields</legend>
						{optional.map((field) => (
							<label class="check" key={field.id}>
								<input
									type="checkbox"
									checked={system.includes(field.id)}
									onChange={(e) => setSystem(e.currentTarget.checked ? [...system, field.id] : system.filter((other) => other !== field.id))}
								/>
								{field.label}
							</label>
						))}
					</fieldset>
				</>
			)}
			<label class="field width-full">
				Group
				<select value={group} onChange={(e) => setGroup(e.currentTarget.value)}>
					<option value="">None</option>
					{model.collections
						.filter((collection) => !collection.collection.startsWith('directus_'))
						.map((collection) => (
							<option key={collection.collection}>{collection.collection}</option>
						))}
				</select>
			</label>
			{error && (
				<p class="form-error width-full" role="alert">
					{error}
				</p>
			)}
			<div class="width-full">
				<button type="submit" class="primary" disabled={busy}>
					Create
				</button>
			</div>
		</form>
	);
}
