import { FilterBuilder } from '../content/filter.js';
import type { Condition, FieldDraft } from './field-draft.js';
import type { usePendingRules } from './pending-rules.js';

type Set = (patch: Partial<FieldDraft>) => void;
type Pending = ReturnType<typeof usePendingRules>;

/** Validation: a filter the saved value must match, built with the same builder as the content filters. */
export function ValidationSection({ collection, draft, set, pending }: { collection: string; draft: FieldDraft; set: Set; pending: Pending }) {
	return (
		<section class="form-group" aria-label="Validation">
			<h3>Validation</h3>
			<p class="note">Items are saved only when they match these rules. Apply the rules, then save the field.</p>
			<div {...pending.watch('Validation')}>
				<FilterBuilder
					collection={collection}
					rules={draft.validation}
					onChange={(validation) => {
						pending.applied('Validation');
						set({ validation });
					}}
				/>
			</div>
			<label class="field">
				Validation message
				<input value={draft.validation_message} onInput={(e) => set({ validation_message: e.currentTarget.value })} />
			</label>
		</section>
	);
}

/** Conditions: while an item's values match a rule, the field is hidden, read-only or required. */
export function ConditionsSection({ collection, draft, set, pending }: { collection: string; draft: FieldDraft; set: Set; pending: Pending }) {
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
					<div {...pending.watch(`Condition ${index + 1}`)}>
						<FilterBuilder
							collection={collection}
							rules={condition.rules}
							onChange={(rules) => {
								pending.applied(`Condition ${index + 1}`);
								update(index, { rules });
							}}
						/>
					</div>
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
