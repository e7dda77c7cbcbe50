import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { fieldsOf } from '../lib/schema.js';
import { notify, reportError } from '../lib/toasts.js';
import { Drawer } from '../shell/drawer.js';
import { fieldErrors } from './editor.js';
import { FieldForm } from './field-form.js';

/** One change applied to every selected item; only the fields the user touched are sent. */
export function BulkEdit({
	collection,
	keys,
	onClose,
	onSaved,
}: {
	collection: string;
	keys: Array<string | number>;
	onClose: () => void;
	onSaved: () => void;
}) {
	const [edits, setEdits] = useState<Record<string, unknown>>({});
	const [errors, setErrors] = useState<Record<string, string>>({});
	const editable = fieldsOf(collection)
		.filter((field) => field.type !== 'alias' && !field.schema?.is_primary_key)
		.map((field) => field.field);
	async function save() {
		try {
			await api.patch(`/items/${encodeURIComponent(collection)}`, { keys, data: edits });
			notify(`Updated ${keys.length} item${keys.length === 1 ? '' : 's'}.`, 'success');
			onSaved();
			onClose();
		} catch (error) {
			setErrors(fieldErrors(error));
			reportError(error);
		}
	}
	return (
		<Drawer title={`Edit ${keys.length} item${keys.length === 1 ? '' : 's'}`} onClose={onClose} wide>
			<FieldForm
				collection={collection}
				primaryKey="+"
				values={edits}
				errors={errors}
				only={editable}
				onInput={(field, value) => setEdits({ ...edits, [field]: value })}
			/>
			<button type="button" class="primary" disabled={Object.keys(edits).length === 0} onClick={save}>
				Save {keys.length} item{keys.length === 1 ? '' : 's'}
			</button>
		</Drawer>
	);
}
