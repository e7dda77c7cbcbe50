import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import type { EndpointDefinition, ExtensionContext } from '@mantle/extensions-sdk';
import { checkHostRange, parseManifest, type ExtensionManifest, type ExtensionType } from './manifest.js';
import { firstPartyCandidates, localCandidates, type ExtensionCandidate, type ExtensionOrigin } from './discover.js';
import { EndpointRouteTable } from './endpoint-routes.js';
import { ensureSdkResolution } from './sdk-resolution.js';
import { extensionLogger } from './logger.js';

export type ExtensionStatus = 'loaded' | 'failed';

/** What `/extensions` reports about one extension. */
export interface ExtensionRecord {
	name: string;
	version: string | null;
	type: ExtensionType | null;
	origin: ExtensionOrigin;
	folder: string;
	trusted: boolean;
	status: ExtensionStatus;
	error?: string;
}

export interface ExtensionHostOptions {
	extensionsPath: string;
	kernelVersion: string;
	logger: Logger;
	/** Capabilities only trusted extensions receive. */
	trustedCapabilities: Pick<ExtensionContext, 'server' | 'schema'>;
}

const endpointIdPattern = /^[a-z0-9][a-z0-9_-]*$/;

/**
 * Discovers, validates and mounts extensions. Each extension gets its own realm: its routes
 * under `/<id>`, its own logger, and a context holding only what it is allowed. One extension
 * failing is recorded against it and never stops the others.
 */
export class ExtensionHost {
	private table = new EndpointRouteTable();
	private records: ExtensionRecord[] = [];
	private generation = 0;

	constructor(private readonly options: ExtensionHostOptions) {}

	get routes(): EndpointRouteTable {
		return this.table;
	}

	list(): readonly ExtensionRecord[] {
		return this.records;
	}

	/** Loads every extension into a fresh route table and swaps it in when all have been tried. */
	async loadAll(): Promise<void> {
		ensureSdkResolution();
		this.generation += 1;
		const table = new EndpointRouteTable();
		const records: ExtensionRecord[] = [];
		const candidates = [...firstPartyCandidates(), ...localCandidates(this.options.extensionsPath)];
		for (const candidate of candidates) {
			if ('error' in candidate) {
				records.push(this.failed({ name: path.basename(candidate.folder), folder: candidate.folder, origin: 'local' }, candidate.error));
				continue;
			}
			records.push(await this.loadOne(candidate, table));
		}
		this.table = table;
		this.records = records;
	}

	private async loadOne(candidate: ExtensionCandidate, table: EndpointRouteTable): Promise<ExtensionRecord> {
		const name = candidate.packageJson.name ?? path.basename(candidate.folder);
		const trusted = candidate.origin === 'first-party';
		const base = { name, folder: candidate.folder, origin: candidate.origin, version: candidate.packageJson.version ?? null, trusted };
		let manifest: ExtensionManifest | undefined;
		try {
			manifest = parseManifest(name, candidate.packageJson['mantle:extension']);
			checkHostRange(name, manifest, this.options.kernelVersion);
			if (manifest.sandbox?.enabled) {
				throw new Error(`${name} asks to run sandboxed, and this kernel has no sandbox host yet; it was not loaded.`);
			}
			if (manifest.type !== 'endpoint') throw new Error(`${name} is a ${manifest.type} extension, which this kernel cannot load yet.`);
			const definition = await this.importDefinition(candidate.folder, manifest);
			await this.mountEndpoint(name, definition, table, trusted);
			this.options.logger.debug({ extension: name }, 'extension loaded');
			return { ...base, type: manifest.type, status: 'loaded' };
		} catch (error) {
			return this.failed({ ...base, type: manifest?.type ?? null }, error);
		}
	}

	private async importDefinition(folder: string, manifest: ExtensionManifest): Promise<EndpointDefinition> {
		// The generation in the URL makes a reload import the file afresh instead of from cache.
		const url = `${pathToFileURL(path.join(folder, manifest.source)).href}?generation=${this.generation}`;
		const module = (await import(url)) as { default?: unknown };
		const definition = module.default as Partial<EndpointDefinition> | undefined;
		if (!definition || typeof definition !== 'object' || typeof definition.handler !== 'function') {
			throw new Error(`${manifest.source} must export default defineEndpoint({ id, handler }).`);
		}
		if (typeof definition.id !== 'string' || !endpointIdPattern.test(definition.id)) {
			throw new Error(`The endpoint id ${JSON.stringify(definition.id)} must be lower-case letters, digits, "-" or "_".`);
		}
		return definition as EndpointDefinition;
	}

	private async mountEndpoint(name: string, definition: EndpointDefinition, table: EndpointRouteTable, trusted: boolean): Promise<void> {
		const { router, commit } = table.routerFor(definition.id);
		const context: ExtensionContext = {
			log: extensionLogger(this.options.logger, name),
			sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
			...(trusted ? this.options.trustedCapabilities : {}),
		};
		await definition.handler(router, context);
		commit();
	}

	private failed(base: Omit<ExtensionRecord, 'status' | 'type' | 'version' | 'trusted'> & Partial<ExtensionRecord>, error: unknown): ExtensionRecord {
		const message = error instanceof Error ? error.message : String(error);
		this.options.logger.error({ extension: base.name }, `extension failed to load: ${message}`);
		return { version: null, type: null, trusted: false, ...base, status: 'failed', error: message };
	}
}
