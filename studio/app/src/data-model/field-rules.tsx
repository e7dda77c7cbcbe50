import { FilterBuilder } from '../content/filter.js';
import type { Condition, FieldDraft } from './field-draft.js';

type Set = (patch: Partial<FieldDraft>) => void;

/** Validation: a filter the saved value must match, built with the same builder as the content filters. */
export function ValidationSection({ collection, draft, set }: { collection: string; draft: FieldDraft; set: Set }) {
	return (
		<section class="form-group" aria-label="Validation">
			<h3>Validation</h3>
			<p class="note">Items are saved only when they match these rules. Apply the rules, then save the field.</p>
			<FilterBuilder collection={collection} rules={draft.validation} onChange={(validation) => set({ validation })} />
			<label class="field">
				Validation message
				<input value={draft.validation_message} onInput={(e) => set({ validation_message: e.currentTarget.value })} />
			</label>
		</section>
	);
}

/** Conditions: while an item's values match a rule, the field is hidden, read-only or required. */
export function ConditionsSection({ collection, draft, set }: { collection: string; draft: FieldDraft; set: Set }) {
	const update = (index: number, patch: Partial<Condition>) =>
		set({ conditions: draft.conditions.map((condition, at) => (at === index ? { ...condition, ...patch } : condition)) });
	return (
		<section class="form-group" aria-label="Conditions">
			<h3>Conditions</h3>
			{draft.conditions.map((condition, index) => (
				<fieldset key={index} class="form-group">
					<legend>Condition {index + 1}</legend>
					<label class="field">
						Name
						<input value={condition.name} onInput={(e) => update(index, { name: e.currentTarget.value })} />
					</label>
					<FilterBuilder collection={collection} rules={condition.rules} onChange={(rules) => update(index, { rules })} />
					<div class="row">
						{(['hidden', 'readonly', 'required'] as const).map((flag) => (
							<label class="check" key={flag}>
								<input type="checkbox" checked={condition[flag]} onChange={(e) => update(index, { [flag]: e.currentTarget.checked })} />
								{flag === 'readonly' ? 'Read-only' : flag[0]!.toUpperCase() + flag.slice(1)}
							</label>
						))}
						<button type="button" class="ghost" onClick={() => set({ conditions: draft.conditions.filter((_, at) => at !== index) })}>
							Remove condition {index + 1}
						</button>
					</div>
				</fieldset>
			))}
			<button type="button" onClick={() => set({ conditions: [...draft.conditions, { name: '', rules: [], hidden: true, readonly: false, required: false }] })}>
				Add condition
			</button>
		</section>
	);
}
