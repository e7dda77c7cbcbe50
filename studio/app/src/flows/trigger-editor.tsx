import { useState } from 'preact/hooks';
import { messageOf } from '../lib/api.js';
import type { Flow, TriggerType } from './api.js';
import { fromDraft, OptionsForm, toDraft, type Draft } from './options-form.js';
import { triggerType, triggerTypes } from './triggers.js';
import { FormActions } from '../lib/form-actions.js';

/** The trigger's kind and options, and how runs are logged. */
export function TriggerEditor({ flow, onSave, onClose }: { flow: Flow; onSave: (changes: Partial<Flow>) => Promise<void>; onClose: () => void }) {
	const [trigger, setTrigger] = useState<TriggerType>(flow.trigger ?? 'manual');
	const [draft, setDraft] = useState<Draft>(() => toDraft(triggerType(trigger)?.options ?? [], flow.options ?? {}));
	const [accountability, setAccountability] = useState(flow.accountability ?? '');
	const [problem, setProblem] = useState<string | null>(null);
	const fields = triggerType(trigger)?.options ?? [];

	async function submit(event: Event) {
		event.preventDefault();
		const parsed = fromDraft(fields, draft);
		if ('error' in parsed) return setProblem(parsed.error);
		try {
			await onSave({ trigger, options: parsed.options, accountability: (accountability || null) as Flow['accountability'] });
		} catch (error) {
			setProblem(messageOf(error));
		}
	}

	return (
		<aside class="flow-panel" aria-labelledby="trigger-editor-title">
			<h2 id="trigger-editor-title">Trigger</h2>
			<form onSubmit={submit}>
				<div class="field">
					<label for="trigger-type">Trigger type</label>
					<select
						id="trigger-type"
						value={trigger}
						onChange={(e) => {
							const next = e.currentTarget.value as TriggerType;
							setTrigger(next);
							setDraft(toDraft(triggerType(next)?.options ?? [], {}));
						}}
					>
						{triggerTypes.map((entry) => (
							<option key={entry.id} value={entry.id}>
								{entry.name}
							</option>
						))}
					</select>
				</div>
				<OptionsForm fields={fields} draft={draft} onChange={setDraft} />
				<div class="field">
					<label for="flow-accountability">Log runs</label>
					<select id="flow-accountability" value={accountability} onChange={(e) => setAccountability(e.currentTarget.value)}>
						<option value="all">Activity and every step's data</option>
						<option value="activity">Activity only</option>
						<option value="">Not at all</option>
					</select>
				</div>
				<FormActions problem={problem} submit="Save trigger" onCancel={onClose} />
			</form>
		</aside>
	);
}
