import test from 'ava';
import { ExtensionError, createError as extensionError, errorCodes, errorMessages, type ErrorMessageId } from '@mantle/extensions-sdk';
import { createError, toMantleError } from '../src/errors/index.js';

/** Every placeholder of a template filled with its own name, so a dropped or renamed value shows. */
function sampleValues(id: ErrorMessageId): Record<string, string> {
	return Object.fromEntries([...errorMessages[id].template.matchAll(/\{(\w+)\}/g)].map(([, name]) => [name!, `<${name}>`]));
}

test('each named message answers the same code and text whether core or an extension raises it, and the host keeps both', (t) => {
	for (const id of Object.keys(errorMessages) as ErrorMessageId[]) {
		const values = sampleValues(id) as never;
		const fromCore = createError(id, values);
		const fromExtension = extensionError(id, values);
		t.true((errorCodes as readonly string[]).includes(fromExtension.code), id);
		t.is(fromExtension.code, fromCore.code, id);
		t.is(fromExtension.message, fromCore.message, id);
		t.notRegex(fromCore.message, /\{\w+\}/, `${id} leaves no placeholder unfilled`);
		const received = toMantleError(fromExtension);
		t.deepEqual([received.code, received.message, received.status], [fromCore.code, fromCore.message, fromCore.status], id);
	}
});

test('no refusal is spelt twice: two named messages with one code never share a template', (t) => {
	const seen = new Map<string, string>();
	for (const [id, { code, template }] of Object.entries(errorMessages)) {
		const shape = `${code} ${template.replace(/\{\w+\}/g, '{}')}`;
		t.is(seen.get(shape), undefined, `${id} repeats ${seen.get(shape)}`);
		seen.set(shape, id);
	}
});

/**
 * Checked by the typecheck gate (`npm run typecheck`), never run: the SDK's createError and
 * ExtensionError take only the catalogue's codes and named messages, each with exactly its values.
 */
export function refusedByTheTypes(): void {
	// @ts-expect-error a code outside the catalogue
	extensionError('NOT_A_CODE');
	// @ts-expect-error a code outside the catalogue
	new ExtensionError('TEAPOT');
	// @ts-expect-error a named message without its values
	extensionError('fieldRequired');
	// @ts-expect-error a named message with a value its template does not name
	extensionError('fieldRequired', { field: 'url', collection: 'x' });
	// @ts-expect-error a named message without placeholders takes no values
	extensionError('transformsBusy', { reason: 'busy' });
	// @ts-expect-error core's createError takes the same names
	createError('rangeBeyondFile', { range: 'bytes=9-' });
}
