import { useState } from 'preact/hooks';
import type { Flow, TriggerType } from './api.js';
import { OptionsForm, useOptionsSubmit, useTypedOptions } from './options-form.js';
import { triggerType, triggerTypes } from './triggers.js';
import { FormActions } from '../lib/form-actions.js';
import { LabelledField, TypeSelect } from '../lib/form-fields.js';

/** The trigger's kind and options, and how runs are logged. */
export function TriggerEditor({ flow, onSave, onClose }: { flow: Flow; onSave: (changes: Partial<Flow>) => Promise<void>; onClose: () => void }) {
	const {
		type: trigger,
		choose,
		fields,
		draft,
		setDraft,
	} = useTypedOptions<TriggerType>(flow.trigger ?? 'manual', flow.options ?? {}, (type) => triggerType(type)?.options ?? []);
	const [accountability, setAccountability] = useState(flow.accountability ?? '');
	const { problem, submit } = useOptionsSubmit(fields, draft, (options) =>
		onSave({ trigger, options, accountability: (accountability || null) as Flow['accountability'] }),
	);

	return (
		<aside class="flow-panel" aria-labelledby="trigger-editor-title">
			<h2 id="trigger-editor-title">Trigger</h2>
			<form onSubmit={submit}>
				<TypeSelect id="trigger-type" label="Trigger type" value={trigger} types={triggerTypes} onChange={(next) => choose(next as TriggerType)} />
				<OptionsForm fields={fields} draft={draft} onChange={setDraft} />
				<LabelledField id="flow-accountability" label="Log runs">
					<select id="flow-accountability" value={accountability} onChange={(e) => setAccountability(e.currentTarget.value)}>
						<option value="all">Activity and every step's data</option>
						<option value="activity">Activity only</option>
						<option value="">Not at all</option>
					</select>
				</LabelledField>
				<FormActions problem={problem} submit="Save trigger" onCancel={onClose} />
			</form>
		</aside>
	);
}
