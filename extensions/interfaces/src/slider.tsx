import { defineInterface } from '@mantle/extensions-sdk';
import { a11y, type StudioInterfaceProps } from './shared.js';

interface Options {
	min?: number;
	max?: number;
	step?: number;
}

function Slider(props: StudioInterfaceProps<number, Options>) {
	const { min = 0, max = 100, step = 1 } = props.options;
	return (
		<div class="slider">
			<input
				{...a11y(props)}
				type="range"
				min={min}
				max={max}
				step={step}
				value={props.value ?? min}
				disabled={props.disabled}
				onInput={(event) => props.onInput(Number(event.currentTarget.value))}
			/>
			<output aria-hidden="true">{props.value ?? '–'}</output>
		</div>
	);
}

export default defineInterface<number, Options>({
	id: 'slider',
	name: 'Slider',
	icon: 'linear_scale',
	group: 'standard',
	types: ['integer', 'bigInteger', 'float', 'decimal'],
	options: [
		{ field: 'min', name: 'Minimum', type: 'float' },
		{ field: 'max', name: 'Maximum', type: 'float' },
		{ field: 'step', name: 'Step', type: 'float' },
	],
	component: Slider,
});
