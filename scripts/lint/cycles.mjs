#!/usr/bin/env node
// Fails when any import cycle exists among the packages' sources, type-only imports included: a
// cycle of types still ties the modules' meanings together. dpdm reads the whole graph once, in
// seconds, where ESLint's per-file cycle rule re-walks it for every file.
//
//   node scripts/lint/cycles.mjs [root]     (root defaults to the repository)
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCircular, parseDependencyTree } from 'dpdm';

const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
const sources = ['core', 'sandbox', 'registry', 'studio/app', 'studio/sdk', 'extensions/*'].map((folder) => `${folder}/src/**/*.{ts,tsx}`);

const previous = process.cwd();
process.chdir(root);
try {
	const tree = await parseDependencyTree(sources, {
		context: root,
		transform: false,
		skipDynamicImports: true,
		exclude: /node_modules|\/dist\//,
		tsconfig: undefined,
	});
	const cycles = parseCircular(tree, true);
	if (cycles.length > 0) {
		console.error(`${cycles.length} import cycle(s):`);
		for (const cycle of cycles) console.error(`  ${[...cycle, cycle[0]].join(' -> ')}`);
		process.exitCode = 1;
	} else {
		console.log(`No import cycles among ${Object.keys(tree).filter((file) => !file.includes('node_modules')).length} modules.`);
	}
} finally {
	process.chdir(previous);
}
