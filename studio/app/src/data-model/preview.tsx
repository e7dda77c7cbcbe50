import type { FieldType } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { studioApi } from '../lib/api.js';
import { asComponent, registry, type StudioInterfaceProps } from '../lib/extensions.js';
import type { Field } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { ExtensionBoundary } from '../shell/boundary.js';
import { humanize } from '../shell/navigation.js';
import { defaultInterface, FieldForm } from '../content/field-form.js';
import { metaOf, type FieldDraft } from './field-draft.js';

/** The field being edited, drawn with its chosen interface and options as the item form will draw it. */
export function FieldPreview({ collection, draft }: { collection: string; draft: FieldDraft }) {
	const { interfaces } = useStore(registry);
	const [value, setValue] = useState<unknown>(null);
	if (draft.kind === 'group' || !draft.field) return null;
	const special = draft.kind === 'standard' ? null : [draft.kind];
	const field = {
		collection,
		field: draft.field,
		type: draft.kind === 'standard' ? draft.type : 'alias',
		meta: { ...metaOf(draft), special },
		schema: null,
	} as unknown as Field;
	const definition = interfaces.get(draft.interface || defaultInterface(field)) ?? interfaces.get('input');
	const Interface = asComponent<StudioInterfaceProps>(definition?.component);
	const label = humanize(draft.field);
	return (
		<section class="form-group" aria-label="Preview">
			<h3>Preview</h3>
			<div class={`field width-${draft.width}`}>
				<label class="field-label" for="preview-input">
					{label}
					{draft.required && <span aria-label="required"> *</span>}
				</label>
				{definition && draft.kind === 'standard' ? (
					<ExtensionBoundary label={`Interface “${definition.name}”`}>
						<Interface
							value={value as never}
							onInput={setValue}
							collection={collection}
							field={draft.field}
							type={draft.type as FieldType}
							primaryKey="+"
							disabled={draft.readonly}
							options={draft.options}
							api={studioApi}
							id="preview-input"
							label={label}
						/>
					</ExtensionBoundary>
				) : (
					<p class="muted">A relational field previews once it is created: its related items appear here.</p>
				)}
				{draft.note && <p class="note">{draft.note}</p>}
			</div>
		</section>
	);
}

/** The collection's whole item form, as it stands, to try out: nothing typed here is saved. */
export function FormPreview({ collection }: { collection: string }) {
	const [values, setValues] = useState<Record<string, unknown>>({});
	return (
		<section aria-label="Item form preview">
			<FieldForm collection={collection} primaryKey="+" values={values} errors={{}} onInput={(field, value) => setValues({ ...values, [field]: value })} />
		</section>
	);
}
