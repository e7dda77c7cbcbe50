import { createError, defineOperation, isErrorCode } from '@mantle/extensions-sdk';

/**
 * Ends the run with an error: in a filter flow it cancels the change, in a webhook flow it is
 * the answer. The code is one of the API's error codes (INVALID_PAYLOAD when none, or no such code, is given).
 */
export default defineOperation<{ code?: unknown; message?: unknown }>({
	id: 'throw-error',
	name: 'Throw Error',
	options: [
		{ field: 'code', name: 'Error code', type: 'string', meta: { interface: 'input' } },
		{ field: 'message', name: 'Message', type: 'string', meta: { interface: 'input' } },
	],
	handler({ code, message }) {
		const chosen = isErrorCode(code) ? code : 'INVALID_PAYLOAD';
		// The one text in Mantle's own extensions that no catalogue entry can hold: the flow's author
		// chose both the code and the message this answers with.
		// eslint-disable-next-line no-restricted-syntax
		throw createError(chosen, typeof message === 'string' && message !== '' ? message : 'The flow threw an error.');
	},
});
