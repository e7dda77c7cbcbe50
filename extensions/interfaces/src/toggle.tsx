import { defineInterface } from '@mantle/extensions-sdk';
import { a11y, type StudioInterfaceProps } from './shared.js';

function Toggle(props: StudioInterfaceProps<boolean, { label?: string }>) {
	return (
		<span class="toggle">
			<input
				{...a11y(props)}
				type="checkbox"
				role="switch"
				checked={Boolean(props.value)}
				disabled={props.disabled}
				onChange={(event) => props.onInput(event.currentTarget.checked)}
			/>
			<span aria-hidden="true">{props.options.label ?? (props.value ? 'On' : 'Off')}</span>
		</span>
	);
}

export default defineInterface<boolean, { label?: string }>({
	id: 'toggle',
	name: 'Toggle',
	icon: 'toggle_on',
	group: 'selection',
	types: ['boolean'],
	options: [{ field: 'label', name: 'Label', type: 'string' }],
	component: Toggle,
});
