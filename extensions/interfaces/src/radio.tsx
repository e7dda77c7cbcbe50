import { defineInterface } from '@mantle/extensions-sdk';
import { choicesOf, type StudioInterfaceProps } from './shared.js';

function Radio(props: StudioInterfaceProps<string | number, { choices?: unknown }>) {
	const name = `${props.collection}-${props.field}-radio`;
	return (
		<div class="choices" role="radiogroup" id={props.id} aria-label={props.label}>
			{choicesOf(props.options).map((choice) => (
				<label class="check" key={String(choice.value)}>
					<input
						type="radio"
						name={name}
						value={String(choice.value)}
						checked={String(props.value) === String(choice.value)}
						disabled={props.disabled}
						onChange={() => props.onInput(choice.value)}
					/>
					{choice.text}
				</label>
			))}
		</div>
	);
}

export default defineInterface<string | number, { choices?: unknown }>({
	id: 'select-radio',
	name: 'Radio buttons',
	icon: 'radio_button_checked',
	group: 'selection',
	types: ['string', 'integer', 'bigInteger', 'float'],
	options: [{ field: 'choices', name: 'Choices', type: 'json' }],
	component: Radio,
});
