import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import sharp from 'sharp';
import { adminToken, startKernel, type RunningKernel } from './kernel.js';
import { api } from './http.js';
import type { TestDatabase } from './databases.js';
import type { ObjectStore } from './object-stores.js';
import { uploadGenerated as generatedUpload } from '../../../scripts/bench/generated-upload.mjs';

export const MB = 1024 * 1024;

export function sha256(data: Buffer): string {
	return createHash('sha256').update(data).digest('hex');
}

/** A kernel whose locations are the given stores, in this order (the first is the default). */
export function startFilesKernel(
	db: TestDatabase,
	locations: Array<[name: string, store: ObjectStore]>,
	env: Record<string, string> = {},
): Promise<RunningKernel> {
	const storeEnv = Object.assign({}, ...locations.map(([name, store]) => store.env(name))) as Record<string, string>;
	return startKernel(db, { STORAGE_LOCATIONS: locations.map(([name]) => name).join(','), ...storeEnv, ...env });
}

/** A noisy JPEG (so that it compresses like a photo) with EXIF a camera would write. */
export function photo(width = 1024, height = 768): Promise<Buffer> {
	return sharp({ create: { width, height, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
		.jpeg({ quality: 80 })
		.withExif({ IFD0: { Make: 'Mantle Optics', Model: 'Test Camera', Copyright: 'Ada' } })
		.toBuffer();
}

export interface UploadPart {
	filename: string;
	type?: string;
	content: Buffer;
}

/** Uploads with a FormData body as a browser sends it: fields first, then the files. */
export async function upload(
	url: string,
	parts: UploadPart[],
	fields: Record<string, string> = {},
	options: { method?: string; path?: string; token?: string | null } = {},
) {
	const form = new FormData();
	for (const [name, value] of Object.entries(fields)) form.append(name, value);
	for (const part of parts) form.append('file', new Blob([part.content], part.type ? { type: part.type } : {}), part.filename);
	const token = options.token === undefined ? adminToken : options.token;
	const response = await fetch(`${url}${options.path ?? '/files'}`, {
		method: options.method ?? 'POST',
		body: form,
		headers: token ? { authorization: `Bearer ${token}` } : {},
	});
	const text = await response.text();
	return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

/** Uploads `size` random bytes as one multipart file, generated while it is sent (the files benchmark's upload too). */
export function uploadGenerated(url: string, size: number, filename = 'big.bin'): Promise<{ status: number; body: any; sha256: string }> {
	return generatedUpload<any>(url, size, { token: adminToken, filename });
}

/** A GET of an asset, with the body as bytes. */
export async function getAsset(url: string, path: string, headers: Record<string, string> = {}, token: string | null = adminToken) {
	const response = await fetch(`${url}${path}`, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
	return { status: response.status, headers: response.headers, body: Buffer.from(await response.arrayBuffer()) };
}

/** A user whose only policy grants `permissions` (none: no access to files at all). */
export async function userWith(url: string, db: TestDatabase, token: string, permissions: Array<Record<string, unknown>>): Promise<string> {
	const ok = (response: { status: number; body: any }) => {
		if (response.status !== 200) throw new Error(JSON.stringify(response.body));
		return response.body.data;
	};
	const role = ok(await api(url, 'POST', '/roles', { name: `Role ${token.slice(0, 8)}` })).id;
	const policy = ok(await api(url, 'POST', '/policies', { name: `Policy ${token.slice(0, 8)}`, app_access: false, admin_access: false })).id;
	ok(await api(url, 'POST', '/access', { role, policy }));
	for (const permission of permissions) ok(await api(url, 'POST', '/permissions', { policy, ...permission }));
	const user = randomUUID();
	await db.knex('mantle_users').insert({ id: user, email: `${token.slice(0, 8)}@example.com`, status: 'active', role, token });
	return user;
}

/** Serves `content` on 127.0.0.1 at any path; resolves with its address and a stop function. */
export async function serveOnLoopback(content: Buffer, type: string): Promise<{ url: string; stop(): Promise<void> }> {
	const server = http.createServer((request, response) => {
		if (request.url === '/redirect') return void response.writeHead(302, { location: '/photo.jpg' }).end();
		response.writeHead(200, { 'content-type': type, 'content-length': String(content.length) }).end(content);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as { port: number };
	return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

export async function keysOf(iterable: AsyncIterable<string>): Promise<string[]> {
	const keys: string[] = [];
	for await (const key of iterable) keys.push(key);
	return keys.sort();
}
