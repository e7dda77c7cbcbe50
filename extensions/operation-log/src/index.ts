import { defineOperation } from '@mantle/extensions-sdk';

/** Writes the rendered message to the server log, at info level, naming the flow's operation. */
export default defineOperation<{ message?: unknown }>({
	id: 'log',
	name: 'Log to Console',
	handler({ message }, { log }) {
		log.info(typeof message === 'string' ? message : JSON.stringify(message ?? null));
		return null;
	},
});
