import { useState } from 'preact/hooks';
import type { OptionField } from '@mantle/extensions-sdk';
import { messageOf } from '../lib/api.js';
import type { Operation } from './api.js';
import { fromDraft, OptionsForm, toDraft, useTypedOptions, type Draft } from './options-form.js';
import type { OperationType } from './operation-types.js';
import { FormActions } from '../lib/form-actions.js';
import { LabelledField, TypeSelect } from '../lib/form-fields.js';
import { outcomes, type Outcome } from './outcomes.js';

/** Which operation a run continues with when this one resolves (or rejects); none ends it. */
function NextStep(props: { on: Outcome; value: string; onChange: (id: string) => void; others: Operation[] }) {
	const id = `operation-${props.on}`;
	return (
		<LabelledField id={id} label={outcomes[props.on].next}>
			<select id={id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
				<option value="">{outcomes[props.on].none}</option>
				{props.others.map((other) => (
					<option key={other.id} value={other.id}>
						{other.name || other.key}
					</option>
				))}
			</select>
		</LabelledField>
	);
}

/** Options of a type the Studio has no schema for: one JSON object. */
const rawOptions: OptionField[] = [{ field: '$raw', name: 'Options (JSON)', type: 'json', meta: { interface: 'input-code' } }];

export interface OperationDraft {
	name: string;
	key: string;
	type: string;
	options: Record<string, unknown>;
	resolve: string | null;
	reject: string | null;
}

interface Props {
	/** The operation being edited; absent for a new one. */
	operation?: Operation;
	/** The other operations of the flow, to continue with. */
	others: Operation[];
	/** The installed operation types. */
	types: OperationType[];
	onSave: (draft: OperationDraft) => Promise<void>;
	onDelete?: () => Promise<void>;
	onClose: () => void;
}

/** A type's options form: its schema, or one JSON editor when it has none or is not installed. */
const fieldsFor = (types: OperationType[], type: string) => types.find((entry) => entry.id === type)?.options ?? rawOptions;

function initialDraft(fields: OptionField[], options: Record<string, unknown>): Draft {
	return fields === rawOptions ? { $raw: JSON.stringify(options, null, 2) } : toDraft(fields, options);
}

/** The side panel where an operation's type, key, options and next steps are set. */
export function OperationEditor({ operation, others, types, onSave, onDelete, onClose }: Props) {
	const [name, setName] = useState(operation?.name ?? '');
	const [key, setKey] = useState(operation?.key ?? '');
	const { type, choose, fields, draft, setDraft } = useTypedOptions(
		operation?.type ?? types[0]?.id ?? '',
		operation?.options ?? {},
		(id) => fieldsFor(types, id),
		initialDraft,
	);
	const [resolve, setResolve] = useState(operation?.resolve ?? '');
	const [reject, setReject] = useState(operation?.reject ?? '');
	const [problem, setProblem] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);

	async function submit(event: Event) {
		event.preventDefault();
		const parsed = fromDraft(fields, draft);
		if ('error' in parsed) return setProblem(parsed.error);
		const options = fields === rawOptions ? ((parsed.options.$raw ?? {}) as Record<string, unknown>) : parsed.options;
		if (!type) return setProblem('Choose the operation type.');
		setBusy(true);
		try {
			await onSave({ name: name || key, key, type, options, resolve: resolve || null, reject: reject || null });
		} catch (error) {
			setProblem(messageOf(error));
		} finally {
			setBusy(false);
		}
	}

	return (
		<aside class="flow-panel" aria-labelledby="operation-editor-title">
			<h2 id="operation-editor-title">{operation ? `Operation ${operation.key}` : 'New operation'}</h2>
			<form onSubmit={submit}>
				<LabelledField id="operation-name" label="Name">
					<input id="operation-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
				</LabelledField>
				<LabelledField id="operation-key" label="Key">
					<input
						id="operation-key"
						required
						pattern="[a-z0-9_]+"
						title="Lower-case letters, digits and underscores"
						value={key}
						onInput={(e) => setKey(e.currentTarget.value)}
					/>
					<p class="note">Later operations read this one's result as {`{{ ${key || 'key'} }}`}.</p>
				</LabelledField>
				<TypeSelect id="operation-type" label="Type" value={type} types={types} onChange={choose}>
					{type && !types.some((entry) => entry.id === type) && <option value={type}>{type} (not installed)</option>}
				</TypeSelect>
				<OptionsForm fields={fields} draft={draft} onChange={setDraft} />
				{operation && (
					<>
						<NextStep on="resolve" value={resolve} onChange={setResolve} others={others} />
						<NextStep on="reject" value={reject} onChange={setReject} others={others} />
					</>
				)}
				<FormActions problem={problem} submit={operation ? 'Save operation' : 'Add operation'} busy={busy} onCancel={onClose}>
					{onDelete && (
						<button type="button" class="danger" disabled={busy} onClick={() => confirm(`Delete the operation ${operation?.key}?`) && void onDelete()}>
							Delete
						</button>
					)}
				</FormActions>
			</form>
		</aside>
	);
}
