import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from 'pino';
import { builtModules, type ExtensionContext } from '@mantle/extensions-sdk';
import type { GrantedScopes, SandboxLimits, SandboxSupervisor } from '@mantle/sandbox';
import type { EventBus } from '../events/bus.js';
import { createError } from '../errors/index.js';
import { scopedItems } from './scoped-items.js';
import { grantedCapabilities } from './declared-capabilities.js';
import { checkHostRange, parseManifest, type ExtensionManifest, type ExtensionType } from './manifest.js';
import { firstPartyCandidates, localCandidates, type ExtensionCandidate, type ExtensionOrigin } from './discover.js';
import { ensureSdkResolution } from './sdk-resolution.js';
import { extensionLogger } from './logger.js';
import { ExtensionRuntime } from './runtime.js';
import { loadTrusted } from './load-trusted.js';
import { covers } from './install/scopes.js';

export type ExtensionStatus = 'loaded' | 'failed' | 'disabled' | 'awaiting-grant';

/** What `/extensions` reports about one extension. */
export interface ExtensionRecord {
	name: string;
	version: string | null;
	type: ExtensionType | null;
	origin: ExtensionOrigin;
	folder: string;
	trusted: boolean;
	sandboxed: boolean;
	enabled: boolean;
	status: ExtensionStatus;
	error?: string;
	/** Registry installs: what the manifest asks for, and what an admin granted (null: nothing yet). */
	requestedScopes?: Record<string, unknown>;
	grantedScopes?: Record<string, unknown> | null;
}

/** What admins decided: switched off, trusted, and for registry installs the scopes they granted. */
export interface HostSettings {
	disabled: Set<string>;
	trusted: Set<string>;
	registry?: Map<string, Record<string, unknown> | null>;
}

export interface ExtensionHostOptions {
	extensionsPath: string;
	kernelVersion: string;
	logger: Logger;
	bus: EventBus;
	/** Capabilities only trusted extensions receive. */
	trustedCapabilities: Pick<
		ExtensionContext,
		'server' | 'schema' | 'extensions' | 'auth' | 'items' | 'files' | 'graphql' | 'hash' | 'metrics' | 'shares' | 'flows' | 'mail' | 'scripts' | 'request'
	>;
	/** What admins decided (disabled, trusted); read at every (re)load. */
	settings: () => Promise<HostSettings>;
	sandbox: { limits: SandboxLimits; allowPrivateNetwork: boolean; env: Readonly<Record<string, string>> };
}

const serverTypes = new Set<ExtensionType>(['endpoint', 'hook', 'operation']);
type ServerType = 'endpoint' | 'hook' | 'operation';

/** An extension read and checked: its record when there is nothing to run, else what mounting it takes. */
type Prepared =
	| { record: ExtensionRecord }
	| ({ base: Omit<ExtensionRecord, 'status' | 'type'>; manifest: ExtensionManifest; type: ServerType; capabilities: Partial<ExtensionContext> } & (
			{ code: string } | { module: { default?: unknown } }
	  ));

/** The variables an `env` scope lists, and only those that are set. */
function pickEnv(env: Readonly<Record<string, string>>, keys: string[]): Record<string, string> {
	return Object.fromEntries(keys.filter((key) => key in env).map((key) => [key, env[key]!]));
}

/**
 * Discovers, validates and loads extensions. Each gets its own realm: its routes under `/<id>`,
 * its own logger, its hooks owned by it, and a context holding only what it is allowed. Trusted
 * code runs in-process; code that asks for the sandbox runs in the supervised sandbox process.
 * One extension failing is recorded against it and never stops the others.
 */
export class ExtensionHost {
	private runtime = new ExtensionRuntime();
	private records: ExtensionRecord[] = [];
	private supervisor: SandboxSupervisor | undefined;
	private supervisorStarting: Promise<SandboxSupervisor> | undefined;
	private sandboxedNames = new Set<string>();

	constructor(private readonly options: ExtensionHostOptions) {}

	get routes() {
		return this.runtime.routes;
	}

	/** Operation types for flows, by id. */
	get operations() {
		return this.runtime.operations;
	}

	list(): readonly ExtensionRecord[] {
		return this.records;
	}

	/**
	 * Loads every extension into a fresh runtime and swaps it in once all have been tried. Each is
	 * read, checked and imported at the same time as the others, since importing waits on the disk
	 * more than on the CPU; they are then mounted one after another in discovery order, so routes and
	 * hooks register in the same order on every start.
	 */
	async loadAll(): Promise<void> {
		const runtime = new ExtensionRuntime();
		const records: ExtensionRecord[] = [];
		const sandboxed = new Set<string>();
		const settings = await this.options.settings();
		const candidates = [...firstPartyCandidates(), ...localCandidates(this.options.extensionsPath)];
		const prepared = candidates.map((candidate) => ('error' in candidate ? undefined : this.prepare(candidate, settings)));
		for (const [index, candidate] of candidates.entries()) {
			if ('error' in candidate) {
				records.push(
					this.failed(
						{
							name: path.basename(candidate.folder),
							folder: candidate.folder,
							origin: 'local',
							trusted: false,
							sandboxed: false,
							enabled: true,
							version: null,
							type: null,
						},
						candidate.error,
					),
				);
			} else {
				records.push(await this.mount((await prepared[index])!, runtime, sandboxed));
			}
		}
		this.runtime.deactivate(this.options.bus);
		runtime.activate(this.options.bus, this.options.logger);
		this.runtime = runtime;
		this.records = records;
		for (const name of this.sandboxedNames) if (!sandboxed.has(name)) await this.supervisor?.unload(name).catch(() => undefined);
		this.sandboxedNames = sandboxed;
	}

	/** Runs the `init` hooks registered for one point of the kernel's start. */
	init(event: string): Promise<void> {
		return this.runtime.init(event, this.options.logger);
	}

	/** The sandbox process, started on first use: flows run users' scripts in it. */
	sandboxProcess(): Promise<SandboxSupervisor> {
		return this.sandboxSupervisor();
	}

	/** The sandbox process: its PID, restarts and memory, for operators and tests. */
	get sandbox(): SandboxSupervisor | undefined {
		return this.supervisor;
	}

	async stop(): Promise<void> {
		this.runtime.deactivate(this.options.bus);
		await this.supervisor?.stop();
	}

	/** Reads and checks one extension and imports its module; never rejects: a failure is its record. */
	private async prepare(candidate: ExtensionCandidate, settings: HostSettings): Promise<Prepared> {
		const name = candidate.packageJson.name ?? path.basename(candidate.folder);
		const firstParty = candidate.origin === 'first-party';
		const trusted = firstParty || settings.trusted.has(name);
		const enabled = firstParty || !settings.disabled.has(name);
		const fromRegistry = !firstParty && (settings.registry?.has(name) ?? false);
		const base = {
			name,
			folder: candidate.folder,
			origin: fromRegistry ? ('registry' as const) : candidate.origin,
			version: candidate.packageJson.version ?? null,
			trusted,
			sandboxed: false,
			enabled,
		};
		let manifest: ExtensionManifest | undefined;
		try {
			manifest = parseManifest(name, candidate.packageJson['mantle:extension']);
			if (!enabled) return { record: { ...base, type: manifest.type, sandboxed: manifest.sandbox?.enabled === true, status: 'disabled' } };
			checkHostRange(name, manifest, this.options.kernelVersion);
			// A registry install runs only as far as an admin allowed: in the sandbox with granted scopes, or trusted.
			if (fromRegistry && !trusted) {
				const granted = settings.registry!.get(name) ?? null;
				const requested = (manifest.sandbox?.enabled ? manifest.sandbox.requestedScopes : {}) as Record<string, unknown>;
				const waiting = {
					...base,
					type: manifest.type,
					sandboxed: manifest.sandbox?.enabled === true,
					status: 'awaiting-grant' as const,
					requestedScopes: requested,
					grantedScopes: granted,
				};
				if (serverTypes.has(manifest.type) && !manifest.sandbox?.enabled)
					return { record: { ...waiting, error: `${name} comes from a registry and does not run in the sandbox: it runs once an admin marks it trusted.` } };
				if (!covers(granted, requested)) return { record: { ...waiting, error: `${name} waits for an admin to grant the scopes it requests.` } };
			}
			const capabilities = grantedCapabilities(name, firstParty, manifest.capabilities, this.options.trustedCapabilities);
			const source = path.join(candidate.folder, manifest.source);
			if (manifest.type === 'bundle') {
				// A bundle of app entries (interfaces, displays, layouts, panels) runs in the Studio, which fetches each entry.
				const entries = builtModules(manifest);
				if (entries.some((entry) => serverTypes.has(entry.type as ExtensionType)))
					throw new Error(`${name} is a bundle with server entries, which this kernel cannot load yet.`);
				const missing = entries.find((entry) => !existsSync(path.join(candidate.folder, entry.source)));
				if (missing) throw new Error(`${name}: its entry ${missing.source} does not exist (was it built?).`);
				return { record: { ...base, type: manifest.type, status: 'loaded' } };
			}
			if (!existsSync(source)) throw new Error(`${name}: its source ${manifest.source} does not exist (was it built?).`);
			// App extensions run in the Studio, which fetches them; the kernel only vouches for them.
			if (!serverTypes.has(manifest.type)) return { record: { ...base, type: manifest.type, status: 'loaded' } };
			const type = manifest.type as ServerType;
			if (manifest.sandbox?.enabled && !trusted) return { base, manifest, type, capabilities, code: await readFile(source, 'utf8') };
			// The content's hash in the URL makes a reload import a changed file afresh while an unchanged one
			// comes from the module cache: an install reloads every extension, and re-evaluating all of them
			// was most of its time. Not the file's mtime: npm pack gives every file the same one.
			const digest = createHash('sha256')
				.update(await readFile(source))
				.digest('base64url');
			// Only an extension from outside the kernel's node_modules needs the SDK resolve hook, and once
			// registered the hook puts every later import in the process through a loader thread.
			if (!firstParty) ensureSdkResolution();
			const module = (await import(`${pathToFileURL(source).href}?content=${digest}`)) as { default?: unknown };
			return { base, manifest, type, capabilities, module };
		} catch (error) {
			return { record: this.failed({ ...base, type: manifest?.type ?? null }, error) };
		}
	}

	/** Runs a prepared extension's definition into the runtime: its routes, hooks or operations, or its sandboxed copy. */
	private async mount(prepared: Prepared, runtime: ExtensionRuntime, sandboxed: Set<string>): Promise<ExtensionRecord> {
		if ('record' in prepared) return prepared.record;
		const { base, manifest, type } = prepared;
		try {
			if ('code' in prepared) {
				const { loadSandboxed } = await import('./load-sandboxed.js');
				// Extensions an operator placed in EXTENSIONS_PATH get the scopes they request.
				await loadSandboxed(runtime, await this.sandboxSupervisor(), base.name, type, prepared.code, manifest.sandbox!.requestedScopes as GrantedScopes);
				sandboxed.add(base.name);
				return { ...base, sandboxed: true, type, status: 'loaded' };
			}
			await loadTrusted(runtime, base.name, type, prepared.module.default, this.contextFor(base.name, manifest, prepared.capabilities));
			return { ...base, type, status: 'loaded' };
		} catch (error) {
			return this.failed({ ...base, type }, error);
		}
	}

	/**
	 * In-process context. Kernel capabilities are for first-party extensions only, and only those
	 * they declare; an extension an admin marked trusted runs in-process for speed, but its `env`
	 * stays the keys it requested.
	 */
	private contextFor(name: string, manifest: ExtensionManifest, capabilities: Partial<ExtensionContext>): ExtensionContext {
		const envKeys = (manifest.sandbox?.requestedScopes.env as { keys?: string[] } | undefined)?.keys;
		const itemsScope = manifest.sandbox?.requestedScopes.items as Parameters<typeof scopedItems>[1] | undefined;
		const env = this.options.sandbox.env;
		return {
			log: extensionLogger(this.options.logger, name),
			sleep: (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
			...(envKeys ? { env: Object.freeze(pickEnv(env, envKeys)) } : {}),
			...(itemsScope && this.options.trustedCapabilities.items ? { items: scopedItems(this.options.trustedCapabilities.items, itemsScope) } : {}),
			...capabilities,
		};
	}

	/** One sandbox process however many callers ask at once (flows run scripts in parallel). */
	private sandboxSupervisor(): Promise<SandboxSupervisor> {
		if (this.supervisor) return Promise.resolve(this.supervisor);
		this.supervisorStarting ??= this.startSupervisor().finally(() => {
			this.supervisorStarting = undefined;
		});
		return this.supervisorStarting;
	}

	/** The sandbox (isolated-vm, esbuild) is loaded with its first use: most servers never start it. */
	private async startSupervisor(): Promise<SandboxSupervisor> {
		const { logger, sandbox } = this.options;
		const { SandboxSupervisor } = await import('@mantle/sandbox');
		const supervisor = new SandboxSupervisor({
			limits: sandbox.limits,
			allowPrivateNetwork: sandbox.allowPrivateNetwork,
			logger: logger.child({ component: 'sandbox' }),
			bridge: {
				log: (extension, level, message, data) => extensionLogger(logger, extension)[level](message, data),
				// The sandbox already checked the call against the extension's scope; the engine applies the
				// caller's own permissions on top, so the extension gets the intersection of both.
				items: async (_extension, call) => {
					const items = this.options.trustedCapabilities.items;
					if (!items) throw createError('noDataEngine');
					const service = items(call.collection, { accountability: call.accountability }) as unknown as Record<
						string,
						(...args: unknown[]) => Promise<unknown>
					>;
					return service[call.method]!(...call.args);
				},
				env: (_extension, keys) => pickEnv(sandbox.env, keys),
			},
		});
		await supervisor.start();
		this.supervisor = supervisor;
		return supervisor;
	}

	private failed(base: Omit<ExtensionRecord, 'status'>, error: unknown): ExtensionRecord {
		const message = error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
		this.options.logger.error({ extension: base.name }, `extension failed to load: ${message}`);
		return { ...base, status: 'failed', error: message };
	}
}
