const types: Record<string, string> = {
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.woff2': 'font/woff2',
};

/** The few types the Studio and app extensions ship; anything else downloads as bytes. */
export function contentTypeOf(file: string): string {
	const extension = /\.[^.]+$/.exec(file)?.[0]?.toLowerCase() ?? '';
	return types[extension] ?? 'application/octet-stream';
}
