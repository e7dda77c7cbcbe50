import { defineInterface } from '@mantle/extensions-sdk';
import type { StudioInterfaceProps } from './shared.js';

/** The API never returns a hash's value, only that one is set: typing replaces it. */
function Hash(props: StudioInterfaceProps<string, { placeholder?: string }>) {
	const isSet = typeof props.value === 'string' && props.value !== '' && /^\*+$/.test(props.value);
	return (
		<input
			id={props.id}
			aria-label={props.label}
			type="password"
			autoComplete="new-password"
			placeholder={isSet ? 'A value is set: type to replace it' : (props.options.placeholder ?? 'Enter a value to hash')}
			value={isSet ? '' : (props.value ?? '')}
			disabled={props.disabled}
			onInput={(event) => props.onInput(event.currentTarget.value === '' ? null : event.currentTarget.value)}
		/>
	);
}

export default defineInterface<string, { placeholder?: string }>({
	id: 'input-hash',
	name: 'Hash',
	icon: 'fingerprint',
	group: 'other',
	types: ['hash', 'string'],
	component: Hash,
});
