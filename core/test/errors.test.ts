import Boom from '@hapi/boom';
import test from 'ava';
import { ExtensionError, createError as extensionError, errorCodes, type ErrorCode } from '@mantle/extensions-sdk';
import { MantleError, createError, errorCatalogue, toErrorBody, toMantleError } from '../src/errors/index.js';

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
	// An extension written in JavaScript is not typechecked against the codes.
	const made_up = toMantleError(new ExtensionError('TEAPOT' as ErrorCode, 'short and stout'));
	t.is(made_up.code, 'INTERNAL');
	t.false(made_up.message.includes('stout'));
	const crash = toMantleError(new Error('password authentication failed for user "postgres"'));
	t.is(crash.code, 'INTERNAL');
	t.is(crash.message, errorCatalogue.INTERNAL.message);
});

test('the SDK lists exactly the codes of the catalogue', (t) => {
	t.deepEqual([...errorCodes].sort(), Object.keys(errorCatalogue).sort());
});

test("createError fills the code's message template with the values given, and keeps the fixed message without them", (t) => {
	const tooLarge = createError('CONTENT_TOO_LARGE', { part: 'file', limit: 1024, variable: 'FILES_MAX_UPLOAD_SIZE' });
	t.is(tooLarge.message, 'The file is larger than the 1024 bytes allowed (FILES_MAX_UPLOAD_SIZE).');
	t.is(tooLarge.status, 413);
	t.is(createError('INVALID_PAYLOAD', { reason: 'The body must be an object.' }).message, 'Invalid payload. The body must be an object.');
	t.is(createError('INVALID_PAYLOAD').message, 'Invalid payload.');
	t.is(createError('FORBIDDEN').message, "You don't have permission to access this.");
});

test("an extension's error without a message answers with the catalogue's message for its code", (t) => {
	const answer = toMantleError(extensionError('FORBIDDEN'));
	t.is(answer.status, 403);
	t.is(answer.message, "You don't have permission to access this.");
});

test("an extension's error without a message keeps the catalogue's message once Hapi has wrapped it in Boom", (t) => {
	// Hapi boomifies what a route handler throws, filling an empty message with "Internal Server Error".
	const wrapped = Boom.boomify(extensionError('FORBIDDEN'));
	t.is(wrapped.message, 'Internal Server Error');
	const answer = toMantleError(wrapped);
	t.deepEqual([answer.status, answer.code, answer.message], [403, 'FORBIDDEN', "You don't have permission to access this."]);
	t.is(toMantleError(Boom.boomify(extensionError('FORBIDDEN', 'Only the owner may do this.'))).message, 'Only the owner may do this.');
});

test("the sandbox's own error codes answer with the status of the catalogue code the sandbox's table names", async (t) => {
	const { sandboxErrorCodes } = await import('@mantle/sandbox');
	const { fromSandboxError } = await import('../src/extensions/load-sandboxed.js');
	for (const [code, hostCode] of Object.entries(sandboxErrorCodes)) {
		const answer = fromSandboxError({ code, message: `${code} happened` });
		t.is(answer.code, hostCode, code);
		t.is(answer.status, errorCatalogue[hostCode].status, code);
	}
	t.is(fromSandboxError({ code: 'REQUEST_FAILED', message: 'connect ECONNREFUSED' }).status, 503);
});
