import test from 'ava';
import { lookup, renderOptions } from '../src/flows/template.js';
import { redact } from '../src/flows/run-log.js';
import { failures } from '../../extensions/operation-condition/src/match.js';

const chain = { $trigger: { body: { id: 7, tags: ['a', 'b'], author: { name: 'Ada' } } }, $last: { id: 3 }, save: [11, 12] };

test('templates: a lone placeholder keeps the value, text around one writes it out, a dead path is null or empty', (t) => {
	t.deepEqual(renderOptions({ key: '{{ $last.id }}', keys: '{{save}}', tags: '{{ $trigger.body.tags }}' }, chain), {
		key: 3,
		keys: [11, 12],
		tags: ['a', 'b'],
	});
	t.is(renderOptions('Item {{ $last.id }} by {{ $trigger.body.author.name }}', chain), 'Item 3 by Ada');
	t.is(renderOptions('tags: {{ $trigger.body.tags }}', chain), 'tags: ["a","b"]');
	t.is(renderOptions('{{ $last.missing }}', chain), null);
	t.is(renderOptions('x{{ $trigger.nothing.here }}y', chain), 'xy');
	t.is(renderOptions('Hello {{ name }}, {{ $last.id }}', chain), 'Hello {{ name }}, 3', "a name outside the chain is left for the operation's own template");
	t.is(renderOptions('{{ save[1] }}', chain), 12);
	t.deepEqual(renderOptions([{ n: 1 }, '{{ $last }}'], chain), [{ n: 1 }, { id: 3 }]);
});

test('templates never read through prototypes', (t) => {
	t.is(lookup(chain, 'constructor'), undefined);
	t.is(lookup(chain, '$last.__proto__'), undefined);
	t.is(renderOptions('{{ $last.toString }}', chain), null);
});

test('run logs: secret-sounding keys and allow-listed environment values are redacted, at any depth', (t) => {
	const env = new Set(['sk-live-123456']);
	t.deepEqual(redact({ password: 'x', nested: { api_key: 'k', note: 'uses sk-live-123456 here' }, list: [{ token: 't' }], plain: 'fine' }, env), {
		password: '--redacted--',
		nested: { api_key: '--redacted--', note: 'uses --redacted-- here' },
		list: [{ token: '--redacted--' }],
		plain: 'fine',
	});
});

test('condition rules over the data chain: operators, _and/_or, and the rules that failed', (t) => {
	t.deepEqual(failures({ $trigger: { body: { id: { _eq: '7' }, tags: { _contains: 'a' } } } }, chain), []);
	t.deepEqual(failures({ _or: [{ $last: { id: { _gt: 5 } } }, { $last: { id: { _in: [1, 2, 3] } } }] }, chain), []);
	const failed = failures({ $trigger: { body: { author: { name: { _starts_with: 'B' } } } }, $last: { id: { _null: true } } }, chain);
	t.deepEqual(
		failed.map(({ path, operator }) => `${path} ${operator}`),
		['$trigger.body.author.name _starts_with', '$last.id _null'],
	);
	t.is(failures({ x: { _unknown: 1 } }, chain).length, 1, 'an unknown operator fails rather than passing');
	t.deepEqual(failures({ $trigger: { body: { id: { _between: [5, 9] }, missing: { _empty: true } } } }, chain), []);
});
