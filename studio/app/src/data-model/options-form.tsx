import type { OptionField } from '@mantle/extensions-sdk';
import { studioApi } from '../lib/api.js';
import { asComponent, registry, type StudioInterfaceProps } from '../lib/extensions.js';
import { useStore } from '../lib/store.js';
import { ExtensionBoundary } from '../shell/boundary.js';
import { defaultInterface } from '../content/field-form.js';
import type { Field } from '../lib/schema.js';

/**
 * The options form of an interface or display, drawn from the options schema the extension
 * declares: each option is edited with an installed interface, as any field would be.
 */
export function OptionsForm({
	title,
	options,
	values,
	onChange,
}: {
	title: string;
	options: OptionField[];
	values: Record<string, unknown>;
	onChange: (values: Record<string, unknown>) => void;
}) {
	const { interfaces } = useStore(registry);
	if (options.length === 0) return null;
	return (
		<fieldset class="form-group width-full" aria-label={title}>
			<legend>{title}</legend>
			<div class="form-grid">
				{options.map((option) => {
					const asField = { collection: '', field: option.field, type: option.type, meta: option.meta ?? null, schema: null } as unknown as Field;
					const id = option.meta?.interface ?? defaultInterface(asField);
					const definition = interfaces.get(id) ?? interfaces.get('input');
					const Interface = asComponent<StudioInterfaceProps>(definition?.component);
					const inputId = `option-${title.replace(/\W+/g, '-')}-${option.field}`;
					return (
						<div key={option.field} class={`field width-${option.meta?.width ?? 'half'}`} data-option={option.field}>
							<label class="field-label" for={inputId}>
								{option.name}
							</label>
							{definition && (
								<ExtensionBoundary label={`Interface “${definition.name}”`}>
									<Interface
										value={(values[option.field] ?? option.schema?.default_value ?? null) as never}
										onInput={(value: unknown) => onChange({ ...values, [option.field]: value })}
										collection=""
										field={option.field}
										type={option.type}
										primaryKey="+"
										disabled={false}
										options={option.meta?.options ?? {}}
										api={studioApi}
										id={inputId}
										label={option.name}
									/>
								</ExtensionBoundary>
							)}
							{option.meta?.note && <p class="note">{option.meta.note}</p>}
						</div>
					);
				})}
			</div>
		</fieldset>
	);
}
