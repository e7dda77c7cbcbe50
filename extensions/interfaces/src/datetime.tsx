import { defineInterface } from '@mantle/extensions-sdk';
import { a11y, type StudioInterfaceProps } from './shared.js';

/** The browser's local-time control value for the API's value, and back. */
function toControl(value: string | null, type: string): string {
	if (!value) return '';
	if (type === 'date' || type === 'time') return value.slice(0, type === 'date' ? 10 : 8);
	const date = new Date(value);
	if (Number.isNaN(date.getTime())) return '';
	const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
	return local.toISOString().slice(0, 16);
}

function fromControl(text: string, type: string): string | null {
	if (!text) return null;
	if (type === 'date') return text;
	if (type === 'time') return text.length === 5 ? `${text}:00` : text;
	// dateTime has no zone; timestamp is an instant, sent in UTC.
	return type === 'timestamp' ? new Date(text).toISOString() : `${text}:00`;
}

function DateTime(props: StudioInterfaceProps<string>) {
	const control = props.type === 'date' ? 'date' : props.type === 'time' ? 'time' : 'datetime-local';
	return (
		<input
			{...a11y(props)}
			type={control}
			value={toControl(props.value, props.type)}
			disabled={props.disabled}
			onInput={(event) => props.onInput(fromControl(event.currentTarget.value, props.type))}
		/>
	);
}

export default defineInterface<string>({
	id: 'datetime',
	name: 'Datetime',
	icon: 'event',
	group: 'standard',
	types: ['date', 'time', 'dateTime', 'timestamp'],
	component: DateTime,
});
