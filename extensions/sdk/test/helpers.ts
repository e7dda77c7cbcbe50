import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExecutionContext } from 'ava';
import { runNode, type CliResult } from '../../../core/test/helpers/cli.js';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const sdkDist = path.join(repositoryRoot, 'extensions/sdk/dist');
const cliEntry = path.join(sdkDist, 'cli/main.js');

export type { CliResult };

/** Runs the built `mantle-extension` CLI (`node scripts/build.mjs` builds it) as a user would. */
export function runCli(args: string[], cwd: string): Promise<CliResult> {
	return runNode(cliEntry, args, { cwd, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
}

/** A scratch folder outside the repository, so nothing resolves from the workspace by accident. */
export function scratch(): { dir: string; remove(): void } {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'mantle-ext-'));
	return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The modules a built file imports, read with a plain pattern over esbuild's output rather
 * than with the CLI's own scanner, so the test does not grade the code with itself.
 */
export function importedModules(file: string): string[] {
	const text = readFileSync(file, 'utf8');
	const found = new Set<string>();
	const patterns = [
		/^\s*import\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
		/^\s*import\s*["']([^"']+)["']/gm,
		/^\s*export\s[^;]*?\sfrom\s*["']([^"']+)["']/gm,
		/\bimport\(\s*["']([^"']+)["']\s*\)/g,
		/\brequire\(\s*["']([^"']+)["']\s*\)/g,
	];
	for (const pattern of patterns) for (const match of text.matchAll(pattern)) found.add(match[1]!);
	return [...found].sort();
}

export function readJson(file: string): any {
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** Awaits a CLI run that must succeed; on failure the assertion shows what the CLI printed. */
export async function succeeds(t: ExecutionContext, run: Promise<CliResult>): Promise<CliResult> {
	const result = await run;
	t.is(result.code, 0, `${result.stderr}${result.stdout}`);
	return result;
}
