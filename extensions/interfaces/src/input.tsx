import { defineInterface } from '@mantle/extensions-sdk';
import { a11y, type StudioInterfaceProps } from './shared.js';

interface Options {
	placeholder?: string;
	trim?: boolean;
	masked?: boolean;
	font?: 'sans-serif' | 'monospace';
}

function Input(props: StudioInterfaceProps<string, Options>) {
	const { value, options } = props;
	return (
		<input
			{...a11y(props)}
			type={(options.masked ? 'password' : 'text') as 'text'}
			value={value ?? ''}
			placeholder={options.placeholder}
			disabled={props.disabled}
			style={options.font === 'monospace' ? { fontFamily: 'monospace' } : undefined}
			onInput={(event) => {
				const text = event.currentTarget.value;
				props.onInput(text === '' ? null : options.trim ? text.trim() : text);
			}}
		/>
	);
}

export default defineInterface<string, Options>({
	id: 'input',
	name: 'Input',
	icon: 'text_fields',
	group: 'standard',
	types: ['string', 'uuid', 'text', 'integer', 'bigInteger', 'float', 'decimal'],
	options: [
		{ field: 'placeholder', name: 'Placeholder', type: 'string' },
		{ field: 'trim', name: 'Trim', type: 'boolean' },
		{ field: 'masked', name: 'Masked', type: 'boolean' },
	],
	component: Input,
});
