import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import test from 'ava';

const script = fileURLToPath(new URL('../../scripts/lint/cycles.mjs', import.meta.url));
const run = promisify(execFile);

/** A scratch tree laid out like the repository, with the given files under it. */
function scratchTree(files: Record<string, string>): string {
	const root = mkdtempSync(path.join(os.tmpdir(), 'mantle-cycles-'));
	for (const [file, content] of Object.entries(files)) {
		mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
		writeFileSync(path.join(root, file), content);
	}
	return root;
}

async function check(root: string): Promise<{ code: number; output: string }> {
	try {
		const { stdout, stderr } = await run(process.execPath, [script, root]);
		return { code: 0, output: stdout + stderr };
	} catch (error) {
		const failed = error as { code: number; stdout: string; stderr: string };
		return { code: failed.code, output: failed.stdout + failed.stderr };
	}
}

const acyclic = {
	// The repository's compiler settings: they are how `./dialect.js` resolves to `dialect.ts`.
	'tsconfig.json': readFileSync(fileURLToPath(new URL('../../tsconfig.json', import.meta.url)), 'utf8'),
	'core/src/index.ts': "export { dialect } from './dialect.js';\n",
	'core/src/dialect.ts': "import type { FieldType } from './field-type.js';\nexport const dialect = (type: FieldType) => type;\n",
	'core/src/field-type.ts': "export type FieldType = 'string' | 'integer';\n",
	'extensions/items/src/index.ts': 'export const items = 1;\n',
};

test('the cycle check passes a tree without import cycles', async (t) => {
	const root = scratchTree(acyclic);
	t.teardown(() => rmSync(root, { recursive: true, force: true }));
	const { code, output } = await check(root);
	t.is(code, 0, output);
	t.regex(output, /No import cycles/);
});

test('the cycle check fails once a module imports back, even for types only, and names the cycle', async (t) => {
	const root = scratchTree({
		...acyclic,
		'core/src/field-type.ts': "import type { dialect } from './dialect.js';\nexport type FieldType = ReturnType<typeof dialect> | 'string';\n",
	});
	t.teardown(() => rmSync(root, { recursive: true, force: true }));
	const { code, output } = await check(root);
	t.is(code, 1, output);
	t.regex(
		output,
		/core\/src\/dialect\.ts -> core\/src\/field-type\.ts -> core\/src\/dialect\.ts|core\/src\/field-type\.ts -> core\/src\/dialect\.ts -> core\/src\/field-type\.ts/,
	);
});
