import { useEffect } from 'preact/hooks';
import { studioApi } from '../lib/api.js';
import { asComponent, loadExtensions, registry, type StudioInterfaceProps } from '../lib/extensions.js';
import { fieldsOf, schema, type Field } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { ExtensionBoundary } from '../shell/boundary.js';
import { humanize } from '../shell/navigation.js';
import { matches } from './conditions.js';

/** The interface a field gets when its metadata names none. */
export function defaultInterface(field: Field): string {
	const special = field.meta?.special ?? [];
	if (special.includes('m2o')) return 'select-dropdown-m2o';
	if (special.includes('o2m')) return 'list-o2m';
	if (special.includes('m2m')) return 'list-m2m';
	if (special.includes('m2a')) return 'list-m2a';
	if (special.includes('file')) return 'file';
	if (special.includes('files')) return 'files';
	switch (field.type) {
		case 'boolean':
			return 'toggle';
		case 'integer':
		case 'bigInteger':
		case 'float':
		case 'decimal':
			return 'numeric';
		case 'dateTime':
		case 'timestamp':
		case 'date':
		case 'time':
			return 'datetime';
		case 'json':
			return 'input-code';
		case 'text':
			return 'textarea';
		case 'hash':
			return 'input-hash';
		case 'csv':
			return 'tags';
		default:
			return 'input';
	}
}

interface FormProps {
	collection: string;
	primaryKey: string | number | '+';
	/** The saved values merged with the edits: what the form shows. */
	values: Record<string, unknown>;
	onInput: (field: string, value: unknown) => void;
	/** Field name → the API's message, shown under that field. */
	errors: Record<string, string>;
	/** Only these fields (bulk edit picks some). */
	only?: string[];
	disabled?: boolean;
}

/** Fields of an item laid out by their metadata: order, width, groups, conditions. */
export function FieldForm(props: FormProps) {
	const model = useStore(schema);
	const { loaded } = useStore(registry);
	useEffect(() => void loadExtensions(['interface']), []);
	if (!loaded.has('interface'))
		return (
			<p class="muted" aria-busy="true">
				Loading…
			</p>
		);
	const fields = fieldsOf(props.collection, model).filter((field) => !field.meta?.hidden && (!props.only || props.only.includes(field.field)));
	const groupFields = (group: string | null) =>
		fields.filter(
			(field) => (field.meta?.group ?? null) === group || (props.only && group === null && !fields.some((candidate) => candidate.field === field.meta?.group)),
		);
	return (
		<div class="form-grid">
			{groupFields(null).map((field) => (
				<FormField key={field.field} field={field} {...props} children={groupFields(field.field)} />
			))}
		</div>
	);
}

function FormField({ field, children, ...props }: FormProps & { field: Field; children: Field[] }) {
	const { interfaces } = useStore(registry);
	const applied = (field.meta?.conditions ?? []).filter((condition) => matches(condition.rule ?? {}, props.values));
	const state = Object.assign(
		{ hidden: false, readonly: field.meta?.readonly ?? false, required: field.meta?.required ?? false, options: field.meta?.options ?? {} },
		...applied.map((condition) => ({ ...condition, options: { ...(field.meta?.options ?? {}), ...(condition.options ?? {}) } })),
	);
	if (state.hidden) return null;
	const label = humanize(field.field);
	const width = field.meta?.width ?? 'full';
	if (field.meta?.special?.includes('group') || (field.type === 'alias' && children.length > 0)) {
		return (
			<fieldset class={`form-group width-${width}`}>
				<legend>{label}</legend>
				<div class="form-grid">
					{children.map((child) => (
						<FormField key={child.field} field={child} {...props} children={[]} />
					))}
				</div>
			</fieldset>
		);
	}
	const id = field.meta?.interface ?? defaultInterface(field);
	const definition = interfaces.get(id) ?? interfaces.get('input');
	const Interface = asComponent<StudioInterfaceProps>(definition?.component);
	const error = props.errors[field.field];
	const inputId = `field-${field.collection}-${field.field}`;
	return (
		<div class={`field width-${width}${error ? ' invalid' : ''}`} data-field={field.field}>
			<label class="field-label" id={`${inputId}-label`} for={inputId}>
				{label}
				{state.required && <span aria-label="required"> *</span>}
			</label>
			{/* The label reaches the interface's control through the field's id, given as `id` below. */}
			<div class="field-control">
				{definition ? (
					<ExtensionBoundary label={`Interface “${definition.name}”`}>
						<Interface
							value={(props.values[field.field] ?? null) as never}
							onInput={(value: unknown) => props.onInput(field.field, value)}
							collection={field.collection}
							field={field.field}
							type={field.type as never}
							primaryKey={props.primaryKey}
							disabled={Boolean(props.disabled || state.readonly)}
							options={state.options}
							api={studioApi}
							id={inputId}
							label={label}
						/>
					</ExtensionBoundary>
				) : (
					<p class="muted">No interface “{id}” is installed.</p>
				)}
			</div>
			{field.meta?.note && <p class="note">{field.meta.note}</p>}
			{error && (
				<p class="field-error" id={`${inputId}-error`} role="alert">
					{error}
				</p>
			)}
		</div>
	);
}
