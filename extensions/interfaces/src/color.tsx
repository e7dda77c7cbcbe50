import { defineInterface } from '@mantle/extensions-sdk';
import type { StudioInterfaceProps } from './shared.js';

function Color(props: StudioInterfaceProps<string>) {
	const valid = typeof props.value === 'string' && /^#[0-9a-f]{6}$/i.test(props.value);
	return (
		<div class="row">
			<input
				type="color"
				aria-label={props.label ? `${props.label}: pick` : 'Pick a colour'}
				value={valid ? props.value! : '#000000'}
				disabled={props.disabled}
				onInput={(event) => props.onInput(event.currentTarget.value.toUpperCase())}
			/>
			<input
				id={props.id}
				aria-label={props.label}
				value={props.value ?? ''}
				placeholder="#RRGGBB"
				pattern="#[0-9A-Fa-f]{6}"
				disabled={props.disabled}
				onInput={(event) => props.onInput(event.currentTarget.value || null)}
			/>
		</div>
	);
}

export default defineInterface<string>({
	id: 'select-color',
	name: 'Color',
	icon: 'palette',
	group: 'selection',
	types: ['string'],
	component: Color,
});
