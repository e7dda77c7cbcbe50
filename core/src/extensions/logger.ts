import type { Logger } from 'pino';
import type { ExtensionLogger } from '@mantle/extensions-sdk';

/** An extension's own logger: a child of the kernel's, every line tagged with the extension. */
export function extensionLogger(parent: Logger, name: string): ExtensionLogger {
	const log = parent.child({ extension: name });
	const at = (level: 'debug' | 'info' | 'warn' | 'error') => (message: string, data?: Record<string, unknown>) => log[level](data ?? {}, message);
	return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
