import { defineInterface } from '@mantle/extensions-sdk';
import { a11y, choicesOf, type StudioInterfaceProps } from './shared.js';

function Dropdown(props: StudioInterfaceProps<string | number, { choices?: unknown; placeholder?: string }>) {
	const choices = choicesOf(props.options);
	return (
		<select
			{...a11y(props)}
			value={props.value === null ? '' : String(props.value)}
			disabled={props.disabled}
			onChange={(event) => {
				const picked = choices.find((choice) => String(choice.value) === event.currentTarget.value);
				props.onInput(picked ? picked.value : null);
			}}
		>
			<option value="">{props.options.placeholder ?? '—'}</option>
			{choices.map((choice) => (
				<option key={String(choice.value)} value={String(choice.value)}>
					{choice.text}
				</option>
			))}
		</select>
	);
}

export default defineInterface<string | number, { choices?: unknown; placeholder?: string }>({
	id: 'select-dropdown',
	name: 'Dropdown',
	icon: 'arrow_drop_down_circle',
	group: 'selection',
	types: ['string', 'integer', 'bigInteger', 'float'],
	options: [{ field: 'choices', name: 'Choices', type: 'json' }],
	component: Dropdown,
});
