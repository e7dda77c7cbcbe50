import { useState } from 'preact/hooks';
import { api, messageOf } from '../lib/api.js';
import { registry } from '../lib/extensions.js';
import { fieldsOf, loadSchema, schema, type Field } from '../lib/schema.js';
import { FormActions } from '../lib/form-actions.js';
import { NamedOptions } from '../lib/form-fields.js';
import { useStore } from '../lib/store.js';
import { notify } from '../lib/toasts.js';
import { Drawer } from '../shell/drawer.js';
import { creatableFieldTypes, draftOf, metaOf, newDraft, schemaOf, type FieldDraft, type FieldKind } from './field-draft.js';
import { ConditionsSection, ValidationSection } from './field-rules.js';
import { checkName, createRelation } from './model-api.js';
import { OptionsForm } from './options-form.js';
import { usePendingRules } from './pending-rules.js';
import { FieldPreview } from './preview.js';

const kinds: Array<{ id: FieldKind; name: string }> = [
	{ id: 'standard', name: 'Standard field' },
	{ id: 'm2o', name: 'Many to one (M2O)' },
	{ id: 'o2m', name: 'One to many (O2M)' },
	{ id: 'm2m', name: 'Many to many (M2M)' },
	{ id: 'm2a', name: 'Many to any (M2A)' },
	{ id: 'translations', name: 'Translations' },
	{ id: 'group', name: 'Group of fields' },
];

/** Creates a field (`field` absent) or edits one: its column, its interface and display, rules and layout. */
export function FieldEditor({ collection, field, onClose }: { collection: string; field?: Field; onClose: () => void }) {
	const model = useStore(schema);
	const { interfaces, displays } = useStore(registry);
	const [draft, setDraft] = useState<FieldDraft>(() => (field ? draftOf(field) : newDraft()));
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const pending = usePendingRules();
	const set = (patch: Partial<FieldDraft>) => setDraft((current) => ({ ...current, ...patch }));
	const relational = !['standard', 'group'].includes(draft.kind);
	const userCollections = model.collections.filter((candidate) => candidate.schema && !candidate.collection.startsWith('directus_')).map((c) => c.collection);
	const groups = fieldsOf(collection, model).filter((candidate) => candidate.meta?.special?.includes('group') && candidate.field !== draft.field);
	const interfaceChoices = [...interfaces.values()].filter((definition) =>
		relational ? definition.group === 'relational' || definition.types.includes('alias' as never) : definition.types.includes(draft.type as never),
	);
	const displayChoices = [...displays.values()].filter((definition) => relational || definition.types.includes(draft.type as never));
	const chosenInterface = interfaces.get(draft.interface);
	const chosenDisplay = displays.get(draft.display);

	async function save() {
		setError(null);
		const nameProblem = field ? null : checkName(draft.field, 'field');
		if (nameProblem) return setError(nameProblem);
		const unapplied = pending.problem();
		if (unapplied) return setError(unapplied);
		if (['m2o', 'o2m', 'm2m'].includes(draft.kind) && !draft.related) return setError('Choose the related collection.');
		setBusy(true);
		try {
			const meta = metaOf(draft);
			if (field) {
				// The column is altered only when its definition changed: altering a key column rebuilds it on some databases.
				const initial = draftOf(field);
				const columnChanged =
					field.schema &&
					!field.schema.is_primary_key &&
					(draft.type !== initial.type ||
						draft.default_value !== initial.default_value ||
						draft.nullable !== initial.nullable ||
						draft.unique !== initial.unique);
				await api.patch(`/fields/${collection}/${field.field}`, {
					meta,
					...(draft.type !== field.type ? { type: draft.type } : {}),
					...(columnChanged ? { schema: schemaOf(draft) } : {}),
				});
			} else if (draft.kind === 'standard') {
				await api.post(`/fields/${collection}`, { field: draft.field, type: draft.type, schema: schemaOf(draft), meta });
			} else if (draft.kind === 'group') {
				await api.post(`/fields/${collection}`, { field: draft.field, type: 'alias', meta: { ...meta, special: ['group'], interface: 'group-detail' } });
			} else {
				const { interface: chosen, ...rest } = meta;
				await createRelation({
					kind: draft.kind,
					collection,
					field: draft.field,
					related: draft.related,
					reverse: draft.reverse,
					allowed: draft.allowed,
					meta: chosen ? { ...rest, interface: chosen } : rest,
				});
			}
			await loadSchema();
			notify(field ? `Field “${draft.field}” saved.` : `Field “${draft.field}” created.`, 'success');
			onClose();
		} catch (failure) {
			setError(messageOf(failure));
			await loadSchema().catch(() => undefined);
		} finally {
			setBusy(false);
		}
	}

	return (
		<Drawer title={field ? `Field ${collection}.${field.field}` : `New field in ${collection}`} onClose={onClose} wide>
			<div class="field-editor">
				<div class="form-grid">
					{!field && (
						<label class="field width-half">
							Field kind
							<select value={draft.kind} onChange={(e) => set({ kind: e.currentTarget.value as FieldKind, interface: '' })}>
								<NamedOptions types={kinds} />
							</select>
						</label>
					)}
					<label class="field width-half">
						Key
						<input value={draft.field} disabled={Boolean(field)} required onInput={(e) => set({ field: e.currentTarget.value.trim() })} />
					</label>
					{draft.kind === 'standard' && (
						<label class="field width-half">
							Type
							<select
								value={draft.type}
								disabled={Boolean(field?.schema?.is_primary_key)}
								onChange={(e) => set({ type: e.currentTarget.value, interface: '' })}
							>
								{creatableFieldTypes.map((type) => (
									<option key={type}>{type}</option>
								))}
							</select>
						</label>
					)}
					{!field && ['m2o', 'o2m', 'm2m'].includes(draft.kind) && (
						<label class="field width-half">
							Related collection
							<select value={draft.related} onChange={(e) => set({ related: e.currentTarget.value })}>
								<option value="">—</option>
								{userCollections.map((name) => (
									<option key={name}>{name}</option>
								))}
							</select>
						</label>
					)}
					{!field && (draft.kind === 'm2o' || draft.kind === 'o2m') && (
						<label class="field width-half">
							{draft.kind === 'm2o' ? 'Reverse field on the related collection (optional)' : 'Key field on the related collection'}
							<input
								value={draft.reverse}
								placeholder={draft.kind === 'o2m' ? `${collection}_id` : ''}
								onInput={(e) => set({ reverse: e.currentTarget.value.trim() })}
							/>
						</label>
					)}
					{!field && draft.kind === 'm2a' && (
						<fieldset class="field width-full">
							<legend>Collections an item may link to</legend>
							{userCollections.map((name) => (
								<label class="check" key={name}>
									<input
										type="checkbox"
										checked={draft.allowed.includes(name)}
										onChange={(e) => set({ allowed: e.currentTarget.checked ? [...draft.allowed, name] : draft.allowed.filter((other) => other !== name) })}
									/>
									{name}
								</label>
							))}
						</fieldset>
					)}
					{draft.kind !== 'group' && (
						<>
							<label class="field width-half">
								Interface
								<select value={draft.interface} onChange={(e) => set({ interface: e.currentTarget.value, options: {} })}>
									<option value="">Default</option>
									<NamedOptions types={interfaceChoices} />
								</select>
							</label>
							<label class="field width-half">
								Display
								<select value={draft.display} onChange={(e) => set({ display: e.currentTarget.value, display_options: {} })}>
									<option value="">Default</option>
									<NamedOptions types={displayChoices} />
								</select>
							</label>
						</>
					)}
					<OptionsForm title="Interface options" options={chosenInterface?.options ?? []} values={draft.options} onChange={(options) => set({ options })} />
					<OptionsForm
						title="Display options"
						options={chosenDisplay?.options ?? []}
						values={draft.display_options}
						onChange={(display_options) => set({ display_options })}
					/>
					<label class="field width-half">
						Width
						<select value={draft.width} onChange={(e) => set({ width: e.currentTarget.value as FieldDraft['width'] })}>
							<option value="half">Half</option>
							<option value="full">Full</option>
							<option value="fill">Fill</option>
						</select>
					</label>
					<label class="field width-half">
						Group
						<select value={draft.group} onChange={(e) => set({ group: e.currentTarget.value })}>
							<option value="">None</option>
							{groups.map((group) => (
								<option key={group.field}>{group.field}</option>
							))}
						</select>
					</label>
					{draft.kind === 'standard' && (
						<label class="field width-half">
							Default value
							<input value={draft.default_value} onInput={(e) => set({ default_value: e.currentTarget.value })} />
						</label>
					)}
					<label class="field width-half">
						Note
						<input value={draft.note} onInput={(e) => set({ note: e.currentTarget.value })} />
					</label>
					<div class="field width-full row">
						<Check label="Required" checked={draft.required} onChange={(required) => set({ required })} />
						{draft.kind === 'standard' && <Check label="Unique" checked={draft.unique} onChange={(unique) => set({ unique })} />}
						{draft.kind === 'standard' && <Check label="Nullable" checked={draft.nullable} onChange={(nullable) => set({ nullable })} />}
						<Check label="Hidden" checked={draft.hidden} onChange={(hidden) => set({ hidden })} />
						<Check label="Read-only" checked={draft.readonly} onChange={(readonly) => set({ readonly })} />
					</div>
				</div>
				{draft.kind !== 'group' && <ValidationSection collection={collection} draft={draft} set={set} pending={pending} />}
				<ConditionsSection collection={collection} draft={draft} set={set} pending={pending} />
				<FieldPreview collection={collection} draft={draft} />
				<FormActions problem={error} submit={field ? 'Save field' : 'Create field'} busy={busy} onSubmit={save} onCancel={onClose} />
			</div>
		</Drawer>
	);
}

function Check({ label, checked, onChange }: { label: string; checked: boolean; onChange: (checked: boolean) => void }) {
	return (
		<label class="check">
			<input type="checkbox" checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
			{label}
		</label>
	);
}
