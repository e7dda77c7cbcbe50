import test from 'ava';
import type { OptionField } from '@mantle/extensions-sdk';
import { fromDraft, toDraft } from '../src/flows/drafts.js';
import { substitute } from '../src/insights/variables.js';

const fields: OptionField[] = [
	{ field: 'collection', name: 'Collection', type: 'string', meta: { interface: 'input' } },
	{ field: 'payload', name: 'Payload', type: 'json', meta: { interface: 'input-code' } },
	{ field: 'limit', name: 'Limit', type: 'integer', meta: { interface: 'numeric' }, schema: { default_value: 5 } },
];

test('saved options become editable drafts (JSON as indented text, defaults filled in) and come back unchanged', (t) => {
	const draft = toDraft(fields, { collection: 'articles', payload: { status: 'published' } });
	t.deepEqual(draft, { collection: 'articles', payload: '{\n  "status": "published"\n}', limit: 5 });
	t.deepEqual(fromDraft(fields, draft), { options: { collection: 'articles', payload: { status: 'published' }, limit: 5 } });
});

test('a JSON option may be one placeholder the flow fills in; other text that is not JSON is refused by name', (t) => {
	t.deepEqual(fromDraft(fields, { payload: '{{ $last }}' }), { options: { payload: '{{ $last }}' } });
	t.deepEqual(fromDraft(fields, { payload: '{ status: published }' }), { error: 'Payload is not valid JSON.' });
	t.deepEqual(fromDraft(fields, { collection: '', payload: '' }), { options: {} }, 'empty values are left out');
});

test('dashboard variables fill whole placeholders with their value as it is, and placeholders inside text as text', (t) => {
	const options = {
		filter: { status: { _eq: '{{ status }}' }, views: { _gt: '{{min}}' } },
		text: 'Showing {{ status }} over {{ min }}',
		other: '{{ unknown }}',
	};
	t.deepEqual(substitute(options, { status: 'draft', min: 10 }), {
		filter: { status: { _eq: 'draft' }, views: { _gt: 10 } },
		text: 'Showing draft over 10',
		other: '{{ unknown }}',
	});
});
