import { defineInterface } from '@mantle/extensions-sdk';
import { numberTypes, rangeOptionFields, type RangeOptions } from './range.js';
import { a11y, type StudioInterfaceProps } from './shared.js';

function Slider(props: StudioInterfaceProps<number, RangeOptions>) {
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

export default defineInterface<number, RangeOptions>({
	id: 'slider',
	name: 'Slider',
	icon: 'linear_scale',
	group: 'standard',
	types: numberTypes,
	options: rangeOptionFields,
	component: Slider,
});
