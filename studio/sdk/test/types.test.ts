import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const here = path.dirname(fileURLToPath(import.meta.url));
const tsc = path.resolve(here, '../../../node_modules/typescript/bin/tsc');
const fixtures = path.join(here, 'fixtures/types');

/** Type-checks one fixture as a user's project would (strict, NodeNext, importing `@mantle/sdk`). */
function typecheck(file: string): Promise<{ code: number; output: string }> {
	const args = [
		tsc,
		'--noEmit',
		'--strict',
		'--skipLibCheck',
		'--module',
		'nodenext',
		'--moduleResolution',
		'nodenext',
		'--target',
		'es2022',
		'--lib',
		'es2023,dom,dom.iterable',
		'--types',
		'node',
		path.join(fixtures, file),
	];
	return new Promise((resolve) => {
		execFile(process.execPath, args, { cwd: fixtures }, (error, stdout, stderr) =>
			resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
		);
	});
}

test('a read with correct field paths compiles, and its result is typed by the fields read', async (t) => {
	const result = await typecheck('good.ts');
	t.is(result.code, 0, result.output);
});

test('a misspelt nested field name fails to compile, naming the bad path', async (t) => {
	const result = await typecheck('wrong-field.ts');
	t.not(result.code, 0);
	t.regex(result.output, /wrong-field\.ts\(6,\d+\): error TS\d+: Type '"author\.nmae"' is not assignable to type '[^']*"author\.name"/);
});

test('a field that was not read is not on the result type', async (t) => {
	const result = await typecheck('unread-field.ts');
	t.not(result.code, 0);
	t.regex(result.output, /unread-field\.ts\(8,\d+\): error TS2339: Property 'title' does not exist/);
});
