import { defineOperation } from '@mantle/extensions-sdk';

/** Writes the rendered message to the server log, at info level, naming the flow's operation. */
export default defineOperation<{ message?: unknown }>({
	id: 'log',
	name: 'Log to Console',
	options: [
		{
			field: 'message',
			name: 'Message',
			type: 'text',
			meta: { interface: 'textarea', note: 'Placeholders such as {{ $last }} are filled in from the data chain' },
		},
	],
	handler({ message }, { log }) {
		log.info(typeof message === 'string' ? message : JSON.stringify(message ?? null));
		return null;
	},
});
