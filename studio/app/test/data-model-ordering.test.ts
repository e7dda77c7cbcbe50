import test from 'ava';
import { moveCollection } from '../src/data-model/ordering.js';
import { accessOf, roleChain } from '../src/access/permission-model.js';
import type { Collection } from '../src/lib/schema.js';

const collection = (name: string, group: string | null, sort: number): Collection => ({ collection: name, meta: { group, sort }, schema: {} });
const model = [collection('a', null, 1), collection('b', null, 2), collection('folder', null, 3), collection('c', 'folder', 1), collection('d', 'folder', 2)];

test('placing a collection before another renumbers only the siblings whose place changed', (t) => {
	t.deepEqual(moveCollection('folder', { before: 'a' }, model), [
		{ collection: 'folder', meta: { group: null, sort: 1 } },
		{ collection: 'a', meta: { group: null, sort: 2 } },
		{ collection: 'b', meta: { group: null, sort: 3 } },
	]);
	t.deepEqual(moveCollection('a', { after: 'b' }, model), [
		{ collection: 'b', meta: { group: null, sort: 1 } },
		{ collection: 'a', meta: { group: null, sort: 2 } },
	]);
});

test('nesting puts a collection last in its new group, and taking it out places it after the group', (t) => {
	t.deepEqual(moveCollection('a', { into: 'folder' }, model), [{ collection: 'a', meta: { group: 'folder', sort: 3 } }]);
	t.deepEqual(moveCollection('c', { after: 'folder' }, model), [{ collection: 'c', meta: { group: null, sort: 4 } }]);
});

test('a collection cannot be nested inside itself or its own descendants', (t) => {
	t.throws(() => moveCollection('folder', { into: 'folder' }, model), { message: /inside itself/ });
	t.throws(() => moveCollection('folder', { into: 'c' }, model), { message: /inside itself/ });
});

test('a matrix cell is "all" only for every field of every row with nothing else attached', (t) => {
	const base = { policy: 'p', collection: 'a', action: 'read' as const, permissions: null, validation: null, presets: null };
	t.is(accessOf(undefined), 'none');
	t.is(accessOf({ ...base, fields: ['*'] }), 'all');
	t.is(accessOf({ ...base, fields: ['*'], permissions: {} }), 'all');
	t.is(accessOf({ ...base, fields: ['id', 'title'] }), 'custom');
	t.is(accessOf({ ...base, fields: ['*'], permissions: { status: { _eq: 'published' } } }), 'custom');
	t.is(accessOf({ ...base, fields: ['*'], presets: { status: 'draft' } }), 'custom');
});

test('a role chain walks parents nearest first and stops at a loop', (t) => {
	const roles = [
		{ id: 'junior', name: 'Junior', parent: 'editor' },
		{ id: 'editor', name: 'Editor', parent: 'chief' },
		{ id: 'chief', name: 'Chief', parent: 'junior' },
	];
	t.deepEqual(roleChain('junior', roles), ['junior', 'editor', 'chief']);
	t.deepEqual(roleChain(null, roles), []);
});
