import test from 'ava';
import type { SandboxError, SandboxedOperation } from '../src/index.js';
import { caller, startSandbox } from './helpers/sandbox.js';

const source = `import { defineOperation, createError } from '@mantle/extensions-sdk';
export default defineOperation({ id: 'total', handler: async (options, { data, accountability, log }) => {
	if (options.fail) throw createError('INVALID_PAYLOAD', 'No items to add up.');
	log.info('adding', { count: data.$last.length });
	return { total: data.$last.reduce((sum, n) => sum * options.factor + n, 0), user: accountability && accountability.user };
} });`;

test('an operation returns a value computed from its options and the data chain', async (t) => {
	const { supervisor, bridge } = await startSandbox(t);
	const operation = (await supervisor.load({ id: 'total', type: 'operation', code: source, scopes: { log: {} } })) as SandboxedOperation;
	t.is(operation.operationId, 'total');
	t.deepEqual(await operation.run({ factor: 1 }, { data: { $last: [1, 2, 3] }, accountability: caller }), { total: 6, user: 'user-1' });
	t.deepEqual(
		bridge.logs.map((entry) => entry.message),
		['adding'],
	);
	const error = await t.throwsAsync(operation.run({ fail: true }, { data: { $last: [] } }));
	t.is((error as SandboxError).code, 'INVALID_PAYLOAD');
	t.deepEqual(await operation.run({ factor: 10 }, { data: { $last: [1, 2] } }), { total: 12, user: null });
});
