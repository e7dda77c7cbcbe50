import { defineInterface } from '@mantle/extensions-sdk';
import { choicesOf, type StudioInterfaceProps } from './shared.js';

function Checkboxes(props: StudioInterfaceProps<Array<string | number>, { choices?: unknown }>) {
	const current = Array.isArray(props.value) ? props.value : [];
	return (
		<div class="choices" role="group" id={props.id} aria-label={props.label}>
			{choicesOf(props.options).map((choice) => {
				const checked = current.map(String).includes(String(choice.value));
				return (
					<label class="check" key={String(choice.value)}>
						<input
							type="checkbox"
							checked={checked}
							disabled={props.disabled}
							onChange={() => props.onInput(checked ? current.filter((value) => String(value) !== String(choice.value)) : [...current, choice.value])}
						/>
						{choice.text}
					</label>
				);
			})}
		</div>
	);
}

export default defineInterface<Array<string | number>, { choices?: unknown }>({
	id: 'select-multiple-checkbox',
	name: 'Checkboxes',
	icon: 'check_box',
	group: 'selection',
	types: ['json', 'csv'],
	options: [{ field: 'choices', name: 'Choices', type: 'json' }],
	component: Checkboxes,
});
