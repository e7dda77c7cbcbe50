import { defineInterface } from '@mantle/extensions-sdk';
import { numberTypes, rangeOptionFields, type RangeOptions } from './range.js';
import { a11y, type StudioInterfaceProps } from './shared.js';

interface Options extends RangeOptions {
	placeholder?: string;
}

/** Big integers and decimals travel as strings so they keep every digit. */
function Numeric(props: StudioInterfaceProps<number | string, Options>) {
	const exact = props.type === 'bigInteger' || props.type === 'decimal';
	const step = props.options.step ?? (props.type === 'integer' || props.type === 'bigInteger' ? 1 : 'any');
	return (
		<input
			{...a11y(props)}
			type="number"
			inputMode={props.type === 'integer' || props.type === 'bigInteger' ? 'numeric' : 'decimal'}
			value={props.value ?? ''}
			min={props.options.min}
			max={props.options.max}
			step={step}
			placeholder={props.options.placeholder}
			disabled={props.disabled}
			onInput={(event) => {
				const text = event.currentTarget.value;
				props.onInput(text === '' ? null : exact ? text : Number(text));
			}}
		/>
	);
}

export default defineInterface<number | string, Options>({
	id: 'numeric',
	name: 'Numeric',
	icon: '123',
	group: 'standard',
	types: numberTypes,
	options: rangeOptionFields,
	component: Numeric,
});
