import { createRequire } from 'node:module';
import { buildSync } from 'esbuild';

let built: string | undefined;

/**
 * The `@mantle/extensions-sdk` module as sandboxed code sees it: the SDK's own run-time entry,
 * bundled into one dependency-free ES module, so a sandboxed extension imports exactly what a
 * trusted one does. Built once per process from the SDK's build output.
 */
export function sdkModuleSource(): string {
	if (built === undefined) {
		const entry = createRequire(import.meta.url).resolve('@mantle/extensions-sdk/runtime');
		const result = buildSync({
			entryPoints: [entry],
			bundle: true,
			format: 'esm',
			platform: 'neutral',
			target: 'es2022',
			write: false,
			logLevel: 'silent',
			legalComments: 'none',
		});
		built = result.outputFiles[0]!.text;
	}
	return built;
}
