import { register } from 'node:module';

let registered = false;

/**
 * Extensions under EXTENSIONS_PATH import `@mantle/extensions-sdk` but live outside any
 * node_modules that holds it. A resolve hook points that one specifier at the kernel's own copy,
 * so every extension shares one SDK. Registered once per process: hooks are process-wide.
 */
export function ensureSdkResolution(): void {
	if (registered) return;
	registered = true;
	const sdkUrl = import.meta.resolve('@mantle/extensions-sdk');
	const hook = `
		let sdkUrl;
		export async function initialize(data) { sdkUrl = data.sdkUrl; }
		export async function resolve(specifier, context, next) {
			if (specifier === '@mantle/extensions-sdk') return { url: sdkUrl, shortCircuit: true };
			return next(specifier, context);
		}`;
	register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { sdkUrl } });
}
