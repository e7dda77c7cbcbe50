import { existsSync } from 'node:fs';
import path from 'node:path';
import { builtModules } from '../manifest.js';
import { CliError } from './errors.js';
import { allowedImports, describeForeignImport, importsOfFile } from './imports.js';
import { readExtension } from './package-info.js';

/**
 * Everything that would stop the kernel or the Studio from loading the extension, found
 * without loading it: the manifest, the built files, and what those files import.
 */
export async function validateExtension(folder: string): Promise<string[]> {
	let extension;
	try {
		extension = readExtension(folder);
	} catch (error) {
		if (error instanceof CliError) return error.problems;
		throw error;
	}
	const problems: string[] = [];
	const { packageJson, manifest } = extension;
	if (packageJson.type !== 'module') {
		problems.push(`package.json "type" must be "module": the built ${manifest.source} is an ES module.`);
	}
	for (const module of builtModules(manifest)) {
		const file = path.join(folder, module.source);
		if (!existsSync(file)) {
			problems.push(`${module.source} does not exist: run \`mantle-extension build\` first.`);
			continue;
		}
		const allowed = allowedImports(module.type);
		for (const specifier of await importsOfFile(file)) {
			if (!allowed.includes(specifier)) problems.push(describeForeignImport(module.type, module.source, { specifier }, folder));
		}
	}
	return problems;
}
