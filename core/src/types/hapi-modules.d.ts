// Hapi's own router and body parser ship without type declarations; these cover what we use.
declare module '@hapi/call' {
	export class Router {
		constructor(options?: { isCaseSensitive?: boolean });
		add(config: { method: string; path: string }, route?: unknown): unknown;
		route(method: string, path: string): { route: unknown; params: Record<string, string> } | Error;
	}
	const Call: { Router: typeof Router };
	export default Call;
}

declare module '@hapi/subtext' {
	import type { IncomingMessage } from 'node:http';
	interface ParseOptions {
		parse: boolean;
		output: 'data' | 'stream' | 'file';
		maxBytes?: number;
		multipart?: boolean;
		allow?: string[];
		defaultContentType?: string;
		protoAction?: 'error' | 'remove' | 'ignore';
	}
	const Subtext: { parse(req: IncomingMessage, tap: null, options: ParseOptions): Promise<{ payload: unknown; mime: string }> };
	export default Subtext;
}
