import { createError, defineOperation } from '@mantle/extensions-sdk';

/**
 * Runs the flow designer's script in the sandbox: `module.exports = async function (data) { … }`
 * receives the data chain and its result becomes the operation's. An endless loop or a heap
 * blown past the sandbox's limits rejects, and the flow takes its reject path.
 */
export default defineOperation<{ code?: unknown }, unknown, 'scripts'>({
	id: 'exec',
	name: 'Run Script',
	options: [{ field: 'code', name: 'Code', type: 'text', meta: { interface: 'input-code', note: 'module.exports = async function (data) { return {}; }' } }],
	async handler({ code }, { data, scripts }) {
		if (typeof code !== 'string') throw createError('operationNeedsOption', { operation: 'run-script', option: 'code' });
		return scripts.run(code, data);
	},
});
