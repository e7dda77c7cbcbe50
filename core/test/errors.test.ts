import Boom from '@hapi/boom';
import test from 'ava';
import { ExtensionError } from '@mantle/extensions-sdk';
import { MantleError, errorCatalogue, toErrorBody, toMantleError } from '../src/errors/index.js';

test('every catalogue code has an HTTP error status and a message', (t) => {
	for (const [code, entry] of Object.entries(errorCatalogue)) {
		t.true(entry.status >= 400 && entry.status < 600, code);
		t.true(entry.message.length > 0, code);
	}
});

test('a catalogue error answers with the Directus error shape', (t) => {
	const body = toErrorBody(new MantleError('FAILED_VALIDATION', 'Validation failed for field "title".', { field: 'title' }));
	t.deepEqual(body, { errors: [{ message: 'Validation failed for field "title".', extensions: { field: 'title', code: 'FAILED_VALIDATION' } }] });
});

test("Hapi's own failures map onto the catalogue", (t) => {
	t.is(toMantleError(Boom.notFound()).code, 'ROUTE_NOT_FOUND');
	t.is(toMantleError(Boom.badRequest('Invalid request payload JSON format')).code, 'INVALID_PAYLOAD');
	t.is(toMantleError(Boom.entityTooLarge()).status, 413);
	t.is(toMantleError(Boom.unsupportedMediaType()).code, 'UNSUPPORTED_MEDIA_TYPE');
});

test('an extension error keeps its known code; an unknown code or plain error becomes INTERNAL without its text', (t) => {
	const forbidden = toMantleError(new ExtensionError('FORBIDDEN', 'Not yours.'));
	t.is(forbidden.status, 403);
	t.is(forbidden.message, 'Not yours.');
	const made_up = toMantleError(new ExtensionError('TEAPOT', 'short and stout'));
	t.is(made_up.code, 'INTERNAL');
	t.false(made_up.message.includes('stout'));
	const crash = toMantleError(new Error('password authentication failed for user "postgres"'));
	t.is(crash.code, 'INTERNAL');
	t.is(crash.message, errorCatalogue.INTERNAL.message);
});
