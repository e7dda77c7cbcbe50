import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { createError as extensionError } from '@mantle/extensions-sdk';
import { errorMessageParts } from '@mantle/extensions-sdk/runtime';
import { createError, errorCatalogue, errorMessages, toErrorBody } from '../src/errors/index.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const listModule: string = '../../scripts/lint/free-text-errors.mjs';
const { freeTextErrorFiles } = (await import(listModule)) as { freeTextErrorFiles: string[] };

test('every named message has a catalogue code, hence a status, and a template', (t) => {
	for (const [id, entry] of Object.entries(errorMessages)) {
		t.true(entry.code in errorCatalogue, id);
		t.true(errorCatalogue[entry.code].status >= 400, id);
		t.true(entry.template.length > 0, id);
	}
	for (const [code, entry] of Object.entries(errorCatalogue)) t.true(entry.status >= 400 && entry.status < 600 && entry.message.length > 0, code);
});

test('the catalogue is its parts put together, and no message name is in two parts (the later would silently replace the earlier)', (t) => {
	const parts = Object.entries(errorMessageParts);
	const owner = new Map<string, string>();
	for (const [part, messages] of parts) {
		for (const id of Object.keys(messages)) {
			t.false(owner.has(id), `${id} is in ${owner.get(id)} and in ${part}`);
			owner.set(id, part);
		}
	}
	t.deepEqual([...owner.keys()].sort(), Object.keys(errorMessages).sort());
	t.true(parts.length > 1);
});

test('a named message answers with its code, its status and its template filled, the same from core and from an extension', (t) => {
	const error = createError('noFieldAccess', { field: 'secret', collection: 'articles' });
	t.is(error.status, 403);
	t.deepEqual(toErrorBody(error), {
		errors: [
			{
				message: `You don't have permission to access field "secret" in collection "articles" or it does not exist.`,
				extensions: { code: 'FORBIDDEN' },
			},
		],
	});
	const fromExtension = extensionError('fieldRequired', { field: 'url' });
	t.is(fromExtension.code, 'INVALID_PAYLOAD');
	t.is(fromExtension.message, '"url" is required.');
	t.is(createError('fieldRequired', { field: 'url' }).message, fromExtension.message);
	t.is(createError('bodyNotObject', undefined, { field: 'data' }).extensions.field, 'data');
});

test('the linter refuses an error with a text of its own outside the listed files, and accepts a named message', async (t) => {
	const eslint = new ESLint({ cwd: root });
	const lint = async (code: string, file: string) =>
		(await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
	const freeText = `import { createError } from '../errors/index.js';\nexport const refuse = (name: string) => createError('INVALID_PAYLOAD', \`"\${name}" is wrong.\`);\n`;
	t.is((await lint(freeText, 'core/src/items/scratch.ts')).length, 1);
	t.is((await lint(freeText.replace(/`[^`]*`/, "'wrong'"), 'extensions/roles/src/scratch.ts')).length, 1);
	const named = `import { createError } from '../errors/index.js';\nexport const refuse = (name: string) => createError('fieldRequired', { field: name });\n`;
	t.is((await lint(named, 'core/src/items/scratch.ts')).length, 0);
});

test("the linter refuses a text built elsewhere as createError's values, and the error classes given a text", async (t) => {
	const eslint = new ESLint({ cwd: root });
	const lint = async (code: string, file: string) =>
		(await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
	const header = `import { createError, MantleError } from '../errors/index.js';\n`;
	const refused = [
		`export const a = (error: Error) => createError('INVALID_QUERY', error.message);\n`,
		`export const b = (name: string) => createError('INVALID_PAYLOAD', 'Field ' + name);\n`,
		`export const c = (name: string) => createError('INVALID_PAYLOAD', String(name));\n`,
		`export const d = (name?: string) => createError('INVALID_PAYLOAD', name ?? 'none');\n`,
		`export const e = (text: string) => new MantleError('FORBIDDEN', text);\n`,
	];
	for (const code of refused) {
		t.is((await lint(header + code, 'core/src/items/scratch.ts')).length, 1, code);
		t.is((await lint(header + code, 'extensions/roles/src/scratch.ts')).length, 1, code);
	}
	// A variable is a values object to core's createError, whose typing refuses a text (next test);
	// the SDK's createError also takes an author's text, so Mantle's extensions write their values out.
	const variable = `${header}export const f = (values: { field: string }, text: string) => [createError('fieldRequired', values), createError('FORBIDDEN', text)];\n`;
	t.is((await lint(variable, 'core/src/items/scratch.ts')).length, 0);
	t.is((await lint(variable, 'extensions/roles/src/scratch.ts')).length, 2);
	const none = `${header}export const g = () => [createError('FORBIDDEN'), createError('bodyNotObject', undefined, { field: 'data' })];\n`;
	t.is((await lint(none, 'extensions/roles/src/scratch.ts')).length, 0);
});

test("the linter refuses a sentence of the call site's own among createError's values, and accepts names and computed values", async (t) => {
	const eslint = new ESLint({ cwd: root });
	const lint = async (code: string, file: string) =>
		(await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
	const header = `import { createError } from '../errors/index.js';\n`;
	const refused = [
		`export const a = () => createError('INVALID_PAYLOAD', { reason: 'free text' });\n`,
		`export const b = (max: number) => createError('LIMIT_EXCEEDED', { reason: \`A socket may hold at most \${max} subscriptions.\` });\n`,
		`export const c = () => createError('joiPayloadMessage', { 'text': 'made up here' });\n`,
	];
	for (const code of refused) {
		t.is((await lint(header + code, 'core/src/items/scratch.ts')).length, 1, code);
		t.is((await lint(header + code, 'extensions/roles/src/scratch.ts')).length, 1, code);
	}
	const accepted = [
		`export const d = () => createError('realtimeMessageNotObject');\n`,
		`export const e = (key: string) => createError('storageKeyInvalid', { key: JSON.stringify(key) });\n`,
		`export const f = () => createError('fieldRequired', { field: 'url' });\n`,
		`export const g = (detail: { message: string }) => createError('joiPayloadMessage', { text: detail.message.replace(/\\.$/, '') });\n`,
		`export const h = (max: number) => createError('realtimeSubscriptionsExceeded', { max });\n`,
	];
	for (const code of accepted) {
		t.is((await lint(header + code, 'core/src/items/scratch.ts')).length, 0, code);
		t.is((await lint(header + code, 'extensions/roles/src/scratch.ts')).length, 0, code);
	}
});

test("the linter refuses a sentence fragment under any key of createError's values, and accepts names, numbers and calls", async (t) => {
	const eslint = new ESLint({ cwd: root });
	const lint = async (code: string, file: string) =>
		(await eslint.lintText(code, { filePath: path.join(root, file) }))[0]!.messages.filter((message) => message.ruleId === 'no-restricted-syntax');
	const header = `import { createError } from '../errors/index.js';\n`;
	const refused = [
		`export const a = () => createError('mailTestAddressInvalid', { expected: 'be one email address' });\n`,
		`export const b = (fn: string, type: string) => createError('filterFunctionRefusedForType', { fn, field: 'date', type: \` of type \${type}\` });\n`,
		`export const c = (type: string) => createError('importTypeRefused', { type: type ? \`"\${type}"\` : 'a file without a content type' });\n`,
		`export const d = (depth: number) => createError('queryTooDeep', { depth: \`\${depth > 9 ? 'more than ' : ''}\${depth}\`, max: 8 });\n`,
	];
	for (const code of refused) {
		t.is((await lint(header + code, 'core/src/items/scratch.ts')).length, 1, code);
		t.is((await lint(header + code, 'extensions/roles/src/scratch.ts')).length, 1, code);
	}
	const accepted = [
		`export const e = () => createError('fieldRequired', { field: 'url' });\n`,
		`export const f = (key: string) => createError('payloadNotBoolean', { field: \`meta.\${key}\` });\n`,
		`export const g = (max: number, names: string[]) => createError('storageLocationUnknown', { name: JSON.stringify(names[0]), names: names.join(', '), max });\n`,
	];
	for (const code of accepted) {
		t.is((await lint(header + code, 'core/src/items/scratch.ts')).length, 0, code);
		t.is((await lint(header + code, 'extensions/roles/src/scratch.ts')).length, 0, code);
	}
});

test("the typecheck refuses a string where core's createError takes a message's values", (t) => {
	const scratch = path.join(root, 'core/src/items/scratch-free-text.ts');
	const text = [
		`import { createError } from '../errors/index.js';`,
		`export const named = (values: { field: string }) => createError('fieldRequired', values);`,
		`export const refused = (someStringVariable: string) => createError('FORBIDDEN', someStringVariable);`,
		`export const refusedToo = (error: Error) => createError('INVALID_QUERY', error.message);`,
		'',
	].join('\n');
	const config = ts.getParsedCommandLineOfConfigFile(path.join(root, 'core/tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
	const host = ts.createCompilerHost(config.options);
	const readFile = host.readFile.bind(host);
	const getSourceFile = host.getSourceFile.bind(host);
	host.fileExists = (
		(fileExists) => (file: string) =>
			file === scratch || fileExists(file)
	)(host.fileExists.bind(host));
	host.readFile = (file) => (file === scratch ? text : readFile(file));
	host.getSourceFile = (file, language, ...rest) => (file === scratch ? ts.createSourceFile(file, text, language) : getSourceFile(file, language, ...rest));
	const program = ts.createProgram({ rootNames: [scratch], options: config.options, host });
	const refusedLines = ts
		.getPreEmitDiagnostics(program, program.getSourceFile(scratch))
		.map((diagnostic) => diagnostic.file!.getLineAndCharacterOfPosition(diagnostic.start!).line + 1);
	t.deepEqual(refusedLines, [3, 4]);
});

test('the list of files still passing free text only holds files that do', (t) => {
	const stale = freeTextErrorFiles.filter(
		(file) => !/(createError|new (MantleError|ExtensionError))\(\s*[^,()]+,\s*[`'"]/.test(readFileSync(path.join(root, file), 'utf8')),
	);
	t.deepEqual(stale, [], 'a file moved to named messages leaves scripts/lint/free-text-errors.mjs');
});
