import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Drops a built extension into EXTENSIONS_PATH as an operator would: a package.json whose
 * `mantle:extension` manifest fits this host (its source `dist/index.js` unless it says otherwise),
 * and the built files under dist/, ESM with preact left to the Studio. The kernel sees it on reload.
 */
export function dropExtension(
	extensionsPath: string,
	{
		name,
		version = '1.0.0',
		manifest,
		dist,
	}: { name: string; version?: string; manifest: { type: string } & Record<string, unknown>; dist: Record<string, string> },
): void {
	const folder = path.join(extensionsPath, name);
	mkdirSync(path.join(folder, 'dist'), { recursive: true });
	const extension = { host: '^0.1.0', source: 'dist/index.js', ...manifest };
	writeFileSync(path.join(folder, 'package.json'), JSON.stringify({ name, version, type: 'module', 'mantle:extension': extension }));
	for (const [file, source] of Object.entries(dist)) writeFileSync(path.join(folder, 'dist', file), source);
}
