import path from 'node:path';
import Hapi, { type Request, type ResponseToolkit } from '@hapi/hapi';
import type { Knex } from 'knex';
import { createStorage, type StorageDriver } from '@mantle/core';
import type { RegistryConfig } from './config.js';
import { connectRegistryDatabase } from './db/connect.js';
import { migrateRegistry } from './db/migrate.js';
import { RegistryError, badRequest, notFound, unauthorized } from './errors.js';
import { KeyRing } from './keys.js';
import { Publishers, type Publisher } from './publishers.js';
import { packument } from './packages/documents.js';
import { distTags, removeDistTag, setDistTag, unpublish, updateMetadata } from './packages/manage.js';
import { publishVersion } from './packages/publish.js';
import { countDownload, extensionPage, searchListings } from './packages/query.js';

export interface Registry {
	readonly url: string;
	readonly knex: Knex;
	readonly keys: KeyRing;
	readonly publishers: Publishers;
	readonly store: StorageDriver;
	start(): Promise<void>;
	stop(): Promise<void>;
}

/** `@scope%2fname/-/x.tgz` or `@scope/name/-/x.tgz` → the package name and what follows it. */
function splitPath(raw: string, prefix = ''): { name: string; rest: string[] } {
	const parts = raw.slice(prefix.length).replace(/^\/+/, '').replace(/%2f/gi, '/').split('/').filter(Boolean).map(decodeURIComponent);
	if (parts.length === 0) throw notFound();
	const scoped = parts[0]!.startsWith('@');
	if (scoped && parts.length < 2) throw notFound();
	return { name: scoped ? `${parts[0]}/${parts[1]}` : parts[0]!, rest: parts.slice(scoped ? 2 : 1) };
}

/**
 * The registry: the part of the npm registry protocol `npm publish`, `install`, `view`,
 * `dist-tag`, `deprecate`, `unpublish`, `search`, `adduser`/`login` and `whoami` use, the signing
 * keys at `/-/npm/v1/keys`, and the marketplace API under `/-/mantle/`.
 */
export async function createRegistry(config: RegistryConfig): Promise<Registry> {
	const knex = connectRegistryDatabase(config.database);
	await migrateRegistry(knex);
	const keys = new KeyRing(path.join(config.dataDir, 'keys'));
	keys.load();
	const publishers = new Publishers(knex);
	const store = createStorage([config.storage]).location(config.storage.name);
	const server = Hapi.server({ port: config.port, host: config.host, routes: { payload: { maxBytes: 100 * 1024 * 1024 } } });
	const baseUrl = () => config.publicUrl ?? `http://${server.info.host}:${server.info.port}`;
	const manage = { knex, store, unpublishWindowMs: config.unpublishWindowMs };

	const who = async (request: Request): Promise<Publisher | undefined> => {
		const header = String(request.headers.authorization ?? '');
		const token = /^Bearer\s+(.+)$/i.exec(header)?.[1];
		return publishers.authenticate(token);
	};
	const publisherOf = async (request: Request): Promise<Publisher> => {
		const publisher = await who(request);
		if (!publisher) throw unauthorized();
		return publisher;
	};

	server.ext('onPreResponse', (request: Request, h: ResponseToolkit) => {
		const { response } = request;
		if (response instanceof RegistryError) return h.response({ error: response.message }).code(response.status);
		if ('isBoom' in response && response.isBoom) {
			const status = response.output.statusCode;
			return h.response({ error: status >= 500 ? 'The registry failed to answer.' : response.message }).code(status);
		}
		return h.continue;
	});

	server.route([
		{ method: 'GET', path: '/-/ping', handler: () => ({}) },
		{
			method: 'GET',
			path: '/-/npm/v1/keys',
			handler: () => ({ keys: keys.list().map((key) => ({ expires: null, keyid: key.keyid, keytype: 'ed25519', scheme: 'ed25519', key: key.publicKey })) }),
		},
		{ method: 'GET', path: '/-/whoami', handler: async (request) => ({ username: (await publisherOf(request)).name }) },
		{
			method: 'PUT',
			path: '/-/user/{user}',
			handler: async (request, h) => {
				const body = (request.payload ?? {}) as { name?: unknown; password?: unknown };
				const name = typeof body.name === 'string' ? body.name : String(request.params.user).replace(/^org\.couchdb\.user:/, '');
				const token = await publishers.login(name, String(body.password ?? ''));
				return h.response({ ok: true, id: `org.couchdb.user:${name}`, token }).code(201);
			},
		},
		{ method: 'POST', path: '/-/npm/v1/security/{rest*}', handler: () => ({}) },
		{
			method: 'GET',
			path: '/-/v1/search',
			handler: async (request) => {
				const size = Math.min(250, Math.max(1, Number(request.query.size ?? 20) || 20));
				const from = Math.max(0, Number(request.query.from ?? 0) || 0);
				const { items, total } = await searchListings(knex, {
					search: String(request.query.text ?? ''),
					limit: size,
					offset: from,
					extensionsOnly: false,
					sort: 'downloads',
				});
				return {
					objects: items.map((item) => ({
						package: {
							name: item.name,
							version: item.version,
							description: item.description,
							keywords: item.keywords,
							date: item.updated_at,
							publisher: { username: item.publisher.name },
							maintainers: [{ username: item.publisher.name }],
							links: {},
						},
						score: { final: 1, detail: { quality: 1, popularity: 1, maintenance: 1 } },
						searchScore: 1,
						downloads: { weekly: item.downloads_week },
					})),
					total,
					time: new Date().toUTCString(),
				};
			},
		},
		{
			method: ['GET', 'PUT', 'DELETE'],
			path: '/-/package/{rest*}',
			handler: async (request) => {
				const { name, rest } = splitPath(request.url.pathname, '/-/package');
				if (rest[0] !== 'dist-tags') throw notFound();
				if (request.method === 'get') return distTags(knex, name);
				const tag = rest[1];
				if (!tag) throw badRequest('Name the tag.');
				const publisher = await publisherOf(request);
				if (request.method === 'put') await setDistTag(knex, name, tag, request.payload, publisher);
				else await removeDistTag(knex, name, tag, publisher);
				return distTags(knex, name);
			},
		},
		{
			method: 'GET',
			path: '/-/mantle/extensions',
			handler: async (request) => {
				const query = request.query as Record<string, string | undefined>;
				const limit = Math.min(100, Math.max(1, Number(query.limit ?? 20) || 20));
				const offset = Math.max(0, Number(query.offset ?? 0) || 0);
				const sort = query.sort === 'recent' || query.sort === 'name' ? query.sort : 'downloads';
				const { items, total } = await searchListings(knex, {
					search: query.search,
					type: query.type,
					host: query.host,
					sandboxedOnly: query.sandboxed === 'true',
					sort,
					limit,
					offset,
				});
				return { data: items, meta: { filter_count: total } };
			},
		},
		{
			method: 'GET',
			path: '/-/mantle/extensions/{rest*}',
			handler: async (request) => ({ data: await extensionPage(knex, splitPath(request.url.pathname, '/-/mantle/extensions').name) }),
		},
		{
			method: ['GET', 'PUT', 'DELETE'],
			path: '/{rest*}',
			handler: async (request, h) => {
				const { name, rest } = splitPath(request.url.pathname);
				if (request.method === 'get') {
					if (rest.length === 0) return packument(knex, name, baseUrl());
					if (rest[0] === '-' && rest[1]?.endsWith('.tgz')) {
						const version = rest[1].slice(name.split('/').pop()!.length + 1, -'.tgz'.length);
						const row = await knex('registry_versions').where({ name, version }).first('tarball_key', 'size');
						if (!row) throw notFound(`${name}@${version} is not in this registry.`);
						await countDownload(knex, name);
						return h
							.response(await store.get(row.tarball_key))
							.type('application/octet-stream')
							.header('content-length', String(row.size));
					}
					throw notFound();
				}
				const publisher = await publisherOf(request);
				if (request.method === 'put') {
					const body = (request.payload ?? {}) as Record<string, unknown>;
					if (body._attachments && Object.keys(body._attachments as object).length > 0) await publishVersion({ knex, store, keys }, name, body, publisher);
					else await updateMetadata(manage, name, body as never, publisher);
					return h.response({ ok: true, id: name }).code(201);
				}
				// DELETE name/-rev/rev removes every version; DELETE name/-/file.tgz/-rev/rev follows a
				// metadata update that already removed the version, and has nothing left to do.
				if (rest[0] === '-rev') await unpublish(manage, name, 'all', publisher);
				return { ok: true };
			},
		},
	]);

	return {
		get url() {
			return baseUrl();
		},
		knex,
		keys,
		publishers,
		store,
		async start() {
			await server.start();
		},
		async stop() {
			await server.stop({ timeout: 5000 });
			await knex.destroy();
		},
	};
}
