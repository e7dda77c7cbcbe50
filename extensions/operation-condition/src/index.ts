import { createError, defineOperation } from '@mantle/extensions-sdk';
import { failures } from './match.js';

/** Resolves when the filter rules hold for the data chain, rejects with the rules that did not. */
export default defineOperation<{ filter?: unknown }>({
	id: 'condition',
	name: 'Condition',
	options: [
		{
			field: 'filter',
			name: 'Rules',
			type: 'json',
			meta: { interface: 'input-code', note: 'Filter rules on the data chain, e.g. { "$trigger": { "body": { "keys": { "_contains": 1 } } } }' },
		},
	],
	handler({ filter }, { data }) {
		if (filter === undefined || filter === null) return null;
		const failed = failures(filter, data);
		if (failed.length > 0) {
			const rules = failed.map(({ path, operator }) => `${path || '(data)'} ${operator}`).join(', ');
			throw createError('conditionFailed', { failures: rules }, { failures: failed });
		}
		return null;
	},
});
