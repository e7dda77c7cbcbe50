import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ResponseToolkit, Server } from '@hapi/hapi';
import { createError } from '../errors/index.js';
import type { ExtensionHost } from '../extensions/host.js';
import { appExtensionSourceRoutes } from './sources.js';
import { contentTypeOf } from './content-type.js';

const require = createRequire(import.meta.url);

/** Where the built Studio is: `studio/app/dist`, found through the workspace package. */
export function studioDist(): string {
	try {
		return path.join(path.dirname(require.resolve('@mantle/studio/package.json')), 'dist');
	} catch {
		// Not installed: /admin then says the Studio is unavailable, and the API works as ever.
		return path.join(process.cwd(), 'studio-not-installed');
	}
}

/**
 * The page may run only same-origin scripts and the one inline import map, allowed by its hash.
 * Images may come from `blob:` (upload previews) and `data:` (QR codes).
 */
export function contentSecurityPolicy(importMapHash: string | undefined): string {
	const scripts = ["'self'", ...(importMapHash ? [`'sha256-${importMapHash}'`] : [])].join(' ');
	return [
		"default-src 'self'",
		`script-src ${scripts}`,
		"style-src 'self' 'unsafe-inline'",
		"img-src 'self' data: blob:",
		"connect-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"frame-ancestors 'self'",
		"form-action 'self'",
	].join('; ');
}

interface Page {
	html: string;
	csp: string;
}

/** index.html with its policy; read on each request so a rebuild shows without a restart. */
async function readPage(dist: string): Promise<Page> {
	let html: string;
	try {
		html = await readFile(path.join(dist, 'index.html'), 'utf8');
	} catch {
		throw createError('studioNotBuilt');
	}
	const importMap = /<script type="importmap">([\s\S]*?)<\/script>/.exec(html)?.[1];
	const hash = importMap === undefined ? undefined : createHash('sha256').update(importMap).digest('base64');
	return { html, csp: contentSecurityPolicy(hash) };
}

function pageResponse(h: ResponseToolkit, page: Page) {
	return h
		.response(page.html)
		.type('text/html; charset=utf-8')
		.header('cache-control', 'no-cache, no-store, must-revalidate')
		.header('content-security-policy', page.csp)
		.header('x-content-type-options', 'nosniff')
		.header('referrer-policy', 'same-origin');
}

/**
 * Serves the Studio: fingerprinted assets under `/admin/assets/` cached for a year, and
 * index.html, never cached, for every other `/admin` path so deep links reach the client router.
 * `/` redirects to `/admin`. App extensions' modules are served under `/extensions/sources/`.
 */
export function registerStudio(server: Server, extensions: ExtensionHost, dist = studioDist()): void {
	const assets = path.join(dist, 'assets');
	server.route([
		{ method: 'GET', path: '/', handler: (_request, h) => h.redirect('/admin').code(302) },
		{ method: 'GET', path: '/admin', handler: async (_request, h) => pageResponse(h, await readPage(dist)) },
		{ method: 'GET', path: '/admin/{path*}', handler: async (_request, h) => pageResponse(h, await readPage(dist)) },
		{
			method: 'GET',
			path: '/admin/assets/{file}',
			handler: async (request, h) => {
				const file = request.params.file as string;
				// One flat folder of fingerprinted names: anything else is not an asset.
				if (!/^[\w.-]+$/.test(file) || file.startsWith('.')) throw createError('routeMissing', { path: request.path });
				const body = await readFile(path.join(assets, file)).catch(() => {
					throw createError('routeMissing', { path: request.path });
				});
				return h
					.response(body)
					.type(contentTypeOf(file))
					.header('cache-control', 'public, max-age=31536000, immutable')
					.header('x-content-type-options', 'nosniff');
			},
		},
		...appExtensionSourceRoutes(extensions),
	]);
}
