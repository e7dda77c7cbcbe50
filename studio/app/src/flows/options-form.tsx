import type { OptionField } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { messageOf } from '../lib/api.js';
import { schema } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { fromDraft, toDraft, type Draft } from './drafts.js';

export { fromDraft, toDraft, type Draft } from './drafts.js';

/**
 * A type (a trigger's, an operation's, a panel's) with the draft of its options: `choose` takes
 * another type and starts its options afresh from that type's fields.
 */
export function useTypedOptions<T extends string>(
	initial: T,
	options: Record<string, unknown>,
	fieldsOf: (type: T) => OptionField[],
	draftOf: (fields: OptionField[], options: Record<string, unknown>) => Draft = toDraft,
) {
	const [type, setType] = useState<T>(initial);
	const [draft, setDraft] = useState<Draft>(() => draftOf(fieldsOf(initial), options));
	const choose = (next: T) => {
		setType(next);
		setDraft(draftOf(fieldsOf(next), {}));
	};
	return { type, choose, fields: fieldsOf(type), draft, setDraft };
}

/**
 * The submit of a form over an options draft: the options parsed from the draft go to `save`; a
 * value that does not parse, or the API's refusal of the save, becomes the form's `problem`.
 */
export function useOptionsSubmit(fields: OptionField[], draft: Draft, save: (options: Record<string, unknown>) => Promise<void>) {
	const [problem, setProblem] = useState<string | null>(null);
	async function submit(event: Event) {
		event.preventDefault();
		const parsed = fromDraft(fields, draft);
		if ('error' in parsed) return setProblem(parsed.error);
		try {
			await save(parsed.options);
		} catch (error) {
			setProblem(messageOf(error));
		}
	}
	return { problem, submit };
}

/** A form drawn from an options schema: each field's interface picks the control. */
export function OptionsForm({ fields, draft, onChange }: { fields: OptionField[]; draft: Draft; onChange: (draft: Draft) => void }) {
	const { collections } = useStore(schema);
	const set = (field: string, value: unknown) => onChange({ ...draft, [field]: value });
	return (
		<div class="options-form">
			{fields.map((field) => {
				const value = draft[field.field];
				const id = `option-${field.field}`;
				const control = (() => {
					switch (field.meta?.interface) {
						case 'select-dropdown': {
							const choices = (field.meta.options?.choices ?? []) as Array<{ text: string; value: string }>;
							return (
								<select id={id} value={String(value ?? '')} onChange={(e) => set(field.field, e.currentTarget.value)}>
									<option value="">—</option>
									{choices.map((entry) => (
										<option key={entry.value} value={entry.value}>
											{entry.text}
										</option>
									))}
								</select>
							);
						}
						case 'system-collection':
							return (
								<select id={id} value={String(value ?? '')} onChange={(e) => set(field.field, e.currentTarget.value)}>
									<option value="">Choose a collection</option>
									{collections
										.filter((entry) => entry.schema !== null)
										.map((entry) => (
											<option key={entry.collection} value={entry.collection}>
												{entry.collection}
											</option>
										))}
								</select>
							);
						case 'system-collections': {
							const chosen = Array.isArray(value) ? (value as string[]) : [];
							return (
								<fieldset id={id} class="choices" aria-label={field.name}>
									{collections
										.filter((entry) => entry.schema !== null && !entry.collection.startsWith('directus_'))
										.map((entry) => (
											<label class="check" key={entry.collection}>
												<input
													type="checkbox"
													checked={chosen.includes(entry.collection)}
													onChange={(e) =>
														set(field.field, e.currentTarget.checked ? [...chosen, entry.collection] : chosen.filter((name) => name !== entry.collection))
													}
												/>
												{entry.collection}
											</label>
										))}
								</fieldset>
							);
						}
						case 'numeric':
							return (
								<input
									id={id}
									type="number"
									value={value === undefined || value === null ? '' : String(value)}
									onInput={(e) => set(field.field, e.currentTarget.value === '' ? undefined : Number(e.currentTarget.value))}
								/>
							);
						case 'toggle':
							return <input id={id} type="checkbox" checked={Boolean(value)} onChange={(e) => set(field.field, e.currentTarget.checked)} />;
						case 'textarea':
						case 'input-code':
							return (
								<textarea
									id={id}
									class={field.meta.interface === 'input-code' ? 'code' : undefined}
									rows={field.meta.interface === 'input-code' ? 6 : 3}
									value={String(value ?? '')}
									onInput={(e) => set(field.field, e.currentTarget.value)}
								/>
							);
						default:
							return <input id={id} value={String(value ?? '')} onInput={(e) => set(field.field, e.currentTarget.value)} />;
					}
				})();
				return (
					<div class="field" key={field.field}>
						<label for={id}>{field.name}</label>
						{control}
						{field.meta?.note && <p class="note">{field.meta.note}</p>}
					</div>
				);
			})}
		</div>
	);
}
