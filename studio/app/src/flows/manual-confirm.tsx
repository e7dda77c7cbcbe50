import { FormDialog } from '../shell/dialog.js';

export interface ConfirmationField {
	field: string;
	name?: string;
	type?: 'string' | 'text' | 'integer' | 'float' | 'boolean';
	required?: boolean;
}

/** The fields a manual flow asks for, from its options; anything malformed is left out. */
export function confirmationFields(value: unknown): ConfirmationField[] {
	if (!Array.isArray(value)) return [];
	return value.filter(
		(entry): entry is ConfirmationField => entry !== null && typeof entry === 'object' && typeof (entry as ConfirmationField).field === 'string',
	);
}

/**
 * Asks before a manual flow runs, with the text and fields its trigger names; the values join
 * the trigger's body for the flow to read as `$trigger.body.<field>`.
 */
export function ManualConfirm(props: {
	name: string;
	description: string;
	fields: ConfirmationField[];
	onRun: (values: Record<string, unknown>) => void;
	onClose: () => void;
}) {
	return (
		<FormDialog
			title={`Run “${props.name}”?`}
			submitLabel="Run flow"
			onClose={props.onClose}
			onSubmit={(form) => {
				const values: Record<string, unknown> = {};
				for (const field of props.fields) {
					const raw = form.get(field.field);
					if (field.type === 'boolean') values[field.field] = raw === 'on';
					else if (field.type === 'integer' || field.type === 'float') values[field.field] = raw === '' || raw === null ? null : Number(raw);
					else values[field.field] = raw === null ? null : String(raw);
				}
				props.onRun(values);
			}}
		>
			{props.description && <p>{props.description}</p>}
			{props.fields.map((field) =>
				field.type === 'boolean' ? (
					<label class="check" key={field.field}>
						<input type="checkbox" name={field.field} />
						{field.name ?? field.field}
					</label>
				) : (
					<label key={field.field}>
						{field.name ?? field.field}
						{field.type === 'text' ? (
							<textarea name={field.field} required={field.required ?? false} />
						) : field.type === 'integer' || field.type === 'float' ? (
							<input name={field.field} required={field.required ?? false} type="number" step={field.type === 'float' ? 'any' : '1'} />
						) : (
							<input name={field.field} required={field.required ?? false} type="text" />
						)}
					</label>
				),
			)}
		</FormDialog>
	);
}
