import { createHash } from 'node:crypto';
import type { SandboxedOperation, SandboxSupervisor } from '@mantle/sandbox';
import type { ScriptsCapability } from '@mantle/extensions-sdk';
import { createError } from '../errors/index.js';

/** Scripts kept compiled in the sandbox; the least recently used one is unloaded past this. */
const maxLoadedScripts = 100;

/**
 * Users' scripts (`module.exports = async function (data) { ... }`), each loaded into the
 * sandbox as an operation with no scope at all: it gets the data it is given and nothing else,
 * under the sandbox's time and memory limits. The same code is compiled once.
 */
export function createScriptsCapability(supervisor: () => Promise<SandboxSupervisor>): ScriptsCapability {
	const loaded = new Map<string, Promise<SandboxedOperation>>();
	const load = async (code: string): Promise<SandboxedOperation> => {
		const id = `flow-script-${createHash('sha256').update(code).digest('hex').slice(0, 24)}`;
		let handle = loaded.get(id);
		if (handle) {
			loaded.delete(id);
			loaded.set(id, handle);
			return handle;
		}
		// Kept before anything is awaited: callers running the same script at once share one load.
		handle = supervisor().then((sandbox) => sandbox.load({ id, type: 'operation', code: wrapScript(code), scopes: {} }) as Promise<SandboxedOperation>);
		loaded.set(id, handle);
		handle.catch(() => loaded.delete(id));
		if (loaded.size > maxLoadedScripts) {
			const [oldest] = loaded.keys();
			loaded.delete(oldest!);
			await (await supervisor()).unload(oldest!).catch(() => undefined);
		}
		return handle;
	};
	return {
		async run(code, data) {
			if (typeof code !== 'string' || code.trim() === '') throw createError('scriptEmpty');
			try {
				const handle = await load(code);
				return await handle.run({}, { data: (data ?? {}) as Record<string, unknown>, accountability: null });
			} catch (error) {
				// Loaded here, not at start: the sandbox module it reads the codes from is loaded with the sandbox.
				const { fromSandboxError } = await import('../extensions/load-sandboxed.js');
				throw fromSandboxError(error);
			}
		},
	};
}

/** The script as the ES module the sandbox loads: CommonJS-style `module.exports`, run as an operation. */
function wrapScript(code: string): string {
	return [
		"import { defineOperation } from '@mantle/extensions-sdk';",
		'const module = { exports: {} };',
		'const exports = module.exports;',
		code,
		';',
		'export default defineOperation({',
		"\tid: 'script',",
		'\tasync handler(options, context) {',
		'\t\tconst entry = module.exports;',
		"\t\tif (typeof entry !== 'function') throw new Error('The script must assign a function to module.exports.');",
		'\t\treturn entry(context.data);',
		'\t},',
		'});',
	].join('\n');
}
