import { defineInterface } from '@mantle/extensions-sdk';
import { a11y, type StudioInterfaceProps } from './shared.js';

function Textarea(props: StudioInterfaceProps<string, { placeholder?: string }>) {
	return (
		<textarea
			{...a11y(props)}
			rows={5}
			value={props.value ?? ''}
			placeholder={props.options.placeholder}
			disabled={props.disabled}
			onInput={(event) => props.onInput(event.currentTarget.value === '' ? null : event.currentTarget.value)}
		/>
	);
}

export default defineInterface<string, { placeholder?: string }>({
	id: 'textarea',
	name: 'Textarea',
	icon: 'notes',
	group: 'standard',
	types: ['text', 'string'],
	options: [{ field: 'placeholder', name: 'Placeholder', type: 'string' }],
	component: Textarea,
});
