import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { checkItemsCall } from './capabilities/items.js';
import { SandboxError, toWire } from './errors.js';
import { createHandle, type Invoke, type SandboxedExtension } from './handles.js';
import type { ChildConfig, ChildMessage, ChildStats, Invocation, ItemsRequest, SupervisorMessage } from './protocol.js';
import { sdkModuleSource } from './sdk-module.js';
import {
	publicAccountability,
	type Accountability,
	type ExtensionSource,
	type ExtensionStatus,
	type GrantedScopes,
	type HostBridge,
	type Registrations,
	type SandboxLimits,
	type SandboxLogger,
} from './types.js';

export interface SupervisorOptions {
	limits: SandboxLimits;
	bridge: HostBridge;
	/** Lets `request` reach loopback, private and link-local addresses; off unless configured. */
	allowPrivateNetwork?: boolean;
	logger?: SandboxLogger;
}

interface Entry {
	source: ExtensionSource;
	status: ExtensionStatus | 'loading';
	crashes: number;
	error?: string;
	registrations?: Registrations;
}

interface Pending {
	resolve(value: unknown): void;
	reject(error: SandboxError): void;
	extensionId: string | undefined;
	timer: NodeJS.Timeout;
}

// Both `src/` (tests, via tsx) and `dist/` sit one level below the package: the child always runs built.
const childEntry = fileURLToPath(new URL('../dist/child.js', import.meta.url));
const startupMs = 30_000;
// The sandbox process enforces every limit itself; this only catches a sandbox process that stopped answering.
const watchdogSlackMs = 15_000;
const sandboxTypes = new Set(['endpoint', 'hook', 'operation']);
const silent: SandboxLogger = { info() {}, warn() {}, error() {} };

/**
 * Runs sandboxed extensions in one supervised child process. Whatever happens in there (a V8 fatal
 * error, an exhausted heap, a hang) ends that process at worst: pending calls fail, the process is
 * started again and the extensions reloaded, and an extension that was running during `maxCrashes`
 * crashes is marked failed instead.
 */
export class SandboxSupervisor {
	private child: ChildProcess | undefined;
	private ready: Promise<void> = Promise.resolve();
	private state: 'idle' | 'running' | 'stopping' = 'idle';
	private restartCount = 0;
	private recentRestarts: number[] = [];
	private nextId = 1;
	private readonly pending = new Map<number, Pending>();
	private readonly entries = new Map<string, Entry>();
	/** Live call tokens: the only way an items call can act as a caller. */
	private readonly callers = new Map<string, { extensionId: string; accountability: Accountability }>();
	private readonly logger: SandboxLogger;

	constructor(private readonly options: SupervisorOptions) {
		const { memoryMb, timeoutMs, maxCrashes } = options.limits;
		if (!Number.isInteger(memoryMb) || memoryMb < 8) throw new RangeError(`limits.memoryMb must be an integer of at least 8 (got ${memoryMb}).`);
		if (!Number.isInteger(timeoutMs) || timeoutMs < 1) throw new RangeError(`limits.timeoutMs must be a positive integer (got ${timeoutMs}).`);
		if (!Number.isInteger(maxCrashes) || maxCrashes < 1) throw new RangeError(`limits.maxCrashes must be a positive integer (got ${maxCrashes}).`);
		this.logger = options.logger ?? silent;
	}

	/** How many times the sandbox process was started again after it stopped. */
	get restarts(): number {
		return this.restartCount;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	async start(): Promise<void> {
		if (this.state !== 'idle') throw new Error('The sandbox supervisor is already started.');
		this.state = 'running';
		this.ready = this.spawn();
		try {
			await this.ready;
		} catch (error) {
			// Nothing half-starts: a sandbox process that cannot come up once is not retried in the background.
			this.state = 'idle';
			throw error;
		}
	}

	async stop(): Promise<void> {
		this.state = 'stopping';
		const child = this.child;
		this.rejectPending(new SandboxError('SANDBOX_UNAVAILABLE', 'The sandbox is stopping.'));
		if (!child || child.exitCode !== null || child.signalCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGTERM');
		const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
		await exited;
		clearTimeout(forced);
	}

	/** Loads (or replaces) one extension; its code runs only inside the sandbox process. */
	async load(source: ExtensionSource): Promise<SandboxedExtension> {
		const checked = checkSource(source);
		if (this.entries.has(checked.id)) await this.unload(checked.id);
		const entry: Entry = { source: checked, status: 'loading', crashes: 0 };
		this.entries.set(checked.id, entry);
		try {
			entry.registrations = await this.loadInChild(entry, true);
			entry.status = 'loaded';
		} catch (error) {
			entry.status = 'failed';
			entry.error = (error as Error).message;
			throw error;
		}
		return createHandle(
			checked.id,
			entry.registrations,
			(id, invocation) => this.invoke(id, invocation),
			() => this.status(checked.id),
		);
	}

	async unload(id: string): Promise<void> {
		if (!this.entries.delete(id) || this.state !== 'running') return;
		await this.request((requestId) => ({ type: 'unload', id: requestId, extensionId: id }), undefined, watchdogSlackMs);
	}

	status(id: string): ExtensionStatus | undefined {
		const status = this.entries.get(id)?.status;
		return status === 'loading' ? undefined : status;
	}

	/** Why an extension failed, when it did. */
	failure(id: string): string | undefined {
		const entry = this.entries.get(id);
		return entry?.status === 'failed' ? entry.error : undefined;
	}

	/** Memory of the sandbox process, for monitoring and benchmarks. */
	async stats(): Promise<ChildStats> {
		return (await this.request((id) => ({ type: 'stats', id }), undefined, watchdogSlackMs)) as ChildStats;
	}

	private async invoke(extensionId: string, invocation: Parameters<Invoke>[1]): Promise<unknown> {
		const entry = this.entries.get(extensionId);
		if (entry?.status === 'failed') throw new SandboxError('EXTENSION_FAILED', `The extension ${extensionId} failed and is not run: ${entry.error}`);
		if (entry?.status !== 'loaded') throw new SandboxError('SANDBOX_UNAVAILABLE', `The extension ${extensionId} is not loaded.`);
		const token = randomUUID();
		this.callers.set(token, { extensionId, accountability: invocation.accountability ?? publicAccountability });
		try {
			const full = { ...invocation, token } as Invocation;
			return await this.request((id) => ({ type: 'invoke', id, extensionId, invocation: full }), extensionId, this.options.limits.timeoutMs + watchdogSlackMs);
		} finally {
			this.callers.delete(token);
		}
	}

	private async loadInChild(entry: Entry, waitReady: boolean): Promise<Registrations> {
		const { source } = entry;
		const env = source.scopes.env ? await this.options.bridge.env(source.id, [...source.scopes.env.keys]) : {};
		const message = (id: number): SupervisorMessage => ({ type: 'load', id, extension: { ...source, env: { ...env } } });
		const { timeoutMs } = this.options.limits;
		return (await this.request(message, source.id, 2 * timeoutMs + watchdogSlackMs, waitReady)) as Registrations;
	}

	private async whenReady(): Promise<ChildProcess> {
		for (;;) {
			if (this.state !== 'running') throw new SandboxError('SANDBOX_UNAVAILABLE', 'The sandbox is not running.');
			const ready = this.ready;
			await ready;
			if (ready === this.ready && this.child) return this.child;
		}
	}

	private async request(build: (id: number) => SupervisorMessage, extensionId: string | undefined, watchdogMs: number, waitReady = true): Promise<unknown> {
		const child = waitReady ? await this.whenReady() : this.child;
		if (!child?.connected) throw new SandboxError('SANDBOX_CRASHED', 'The sandbox process is not running.');
		const id = this.nextId++;
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => {
				this.logger.error({ extension: extensionId }, 'the sandbox process stopped answering; killing it');
				child.kill('SIGKILL');
			}, watchdogMs);
			this.pending.set(id, { resolve, reject, extensionId, timer });
			child.send(build(id));
		});
	}

	private spawn(): Promise<void> {
		const config: ChildConfig = {
			memoryMb: this.options.limits.memoryMb,
			timeoutMs: this.options.limits.timeoutMs,
			allowPrivateNetwork: this.options.allowPrivateNetwork ?? false,
			sdkModule: sdkModuleSource(),
		};
		// An empty environment: the kernel's secrets have no business in the process running untrusted code.
		const child = fork(childEntry, [JSON.stringify(config)], {
			execArgv: ['--no-node-snapshot'],
			env: {},
			stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
			serialization: 'json',
		});
		this.child = child;
		for (const stream of [child.stdout, child.stderr]) {
			if (stream) createInterface({ input: stream }).on('line', (line) => this.logger.warn({ pid: child.pid }, `sandbox process: ${line}`));
		}
		child.on('message', (message: ChildMessage) => this.onMessage(child, message));
		child.on('error', (error) => this.logger.error({ pid: child.pid }, `sandbox process error: ${error.message}`));
		return new Promise((resolve, reject) => {
			const timer = setTimeout(() => child.kill('SIGKILL'), startupMs);
			child.on('message', (message: ChildMessage) => {
				if (message.type !== 'ready') return;
				clearTimeout(timer);
				resolve();
			});
			child.once('exit', (code, signal) => {
				clearTimeout(timer);
				reject(new SandboxError('SANDBOX_CRASHED', `The sandbox process stopped before it was ready (${signal ?? `exit code ${code}`}).`));
				this.onExit(child, code, signal);
			});
		});
	}

	private onMessage(child: ChildProcess, message: ChildMessage): void {
		if (child !== this.child) return;
		if (message.type === 'reply') {
			const pending = this.pending.get(message.id);
			if (!pending) return;
			this.pending.delete(message.id);
			clearTimeout(pending.timer);
			if (message.ok) pending.resolve(message.value);
			else pending.reject(SandboxError.fromWire(message.error));
		} else if (message.type === 'log') {
			const entry = this.entries.get(message.extensionId);
			if (!entry?.source.scopes.log) return;
			try {
				this.options.bridge.log(message.extensionId, message.level, String(message.message), message.data);
			} catch (error) {
				this.logger.warn({ extension: message.extensionId }, `the log bridge failed: ${(error as Error).message}`);
			}
		} else if (message.type === 'bridge') {
			this.items(message.extensionId, message.request.call).then(
				(value) => child.connected && child.send({ type: 'bridge-reply', id: message.id, ok: true, value } satisfies SupervisorMessage),
				(error: unknown) =>
					child.connected && child.send({ type: 'bridge-reply', id: message.id, ok: false, error: toWire(error) } satisfies SupervisorMessage),
			);
		}
	}

	/** Checked again here: the scope is the kernel's promise to the admin, not the sandbox process's. */
	private async items(extensionId: string, request: ItemsRequest): Promise<unknown> {
		const entry = this.entries.get(extensionId);
		if (!entry || entry.status === 'failed') throw new SandboxError('FORBIDDEN', 'This extension may not call items now.');
		const checked = checkItemsCall(entry.source.scopes, request.collection, request.method);
		const caller = request.token ? this.callers.get(request.token) : undefined;
		const accountability = caller?.extensionId === extensionId ? caller.accountability : publicAccountability;
		const args = Array.isArray(request.args) ? request.args : [];
		return this.options.bridge.items(extensionId, { ...checked, args, accountability });
	}

	private onExit(child: ChildProcess, code: number | null, signal: NodeJS.Signals | null): void {
		if (child !== this.child) return;
		this.child = undefined;
		const running = new Set([...this.pending.values()].map((pending) => pending.extensionId).filter((id): id is string => id !== undefined));
		this.rejectPending(new SandboxError('SANDBOX_CRASHED', 'The sandbox process stopped during the call; it is being restarted.'));
		if (this.state !== 'running') return;
		for (const id of running) {
			const entry = this.entries.get(id);
			if (!entry) continue;
			entry.crashes += 1;
			if (entry.crashes >= this.options.limits.maxCrashes && entry.status !== 'failed') {
				entry.status = 'failed';
				entry.error = `It was running when the sandbox process crashed ${entry.crashes} times.`;
				this.logger.error({ extension: id }, `sandboxed extension marked failed: ${entry.error}`);
			}
		}
		this.logger.warn({ pid: child.pid, code, signal, running: [...running] }, 'the sandbox process stopped; restarting it');
		this.restartCount += 1;
		this.ready = this.restart();
	}

	/** Never rejects: when the new process dies too, its own exit starts the next attempt. */
	private async restart(): Promise<void> {
		const now = Date.now();
		this.recentRestarts = [...this.recentRestarts.filter((at) => now - at < 60_000), now];
		// Back off when the process keeps dying, so that a crash loop does not eat the machine.
		await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 25 * 2 ** this.recentRestarts.length)));
		if (this.state !== 'running') return;
		try {
			await this.spawn();
		} catch {
			return;
		}
		for (const entry of this.entries.values()) {
			if (entry.status !== 'loaded') continue;
			try {
				entry.registrations = await this.loadInChild(entry, false);
			} catch (error) {
				if (error instanceof SandboxError && error.code === 'SANDBOX_CRASHED') return;
				entry.status = 'failed';
				entry.error = `It could not be loaded again after a restart: ${(error as Error).message}`;
				this.logger.error({ extension: entry.source.id }, entry.error);
			}
		}
	}

	private rejectPending(error: SandboxError): void {
		for (const [id, pending] of this.pending) {
			clearTimeout(pending.timer);
			this.pending.delete(id);
			pending.reject(error);
		}
	}
}

function checkSource(source: ExtensionSource): ExtensionSource {
	if (typeof source?.id !== 'string' || source.id === '') throw new SandboxError('INVALID_EXTENSION', 'A sandboxed extension needs an id.');
	if (!sandboxTypes.has(source.type))
		throw new SandboxError('INVALID_EXTENSION', `${source.id}: only endpoint, hook and operation extensions run sandboxed (got ${source.type}).`);
	if (typeof source.code !== 'string') throw new SandboxError('INVALID_EXTENSION', `${source.id}: the code must be a string.`);
	// A private frozen copy: the caller changing its object later must not widen what was granted.
	const scopes = deepFreeze(JSON.parse(JSON.stringify(source.scopes ?? {})) as GrantedScopes);
	return Object.freeze({ id: source.id, type: source.type, code: source.code, scopes });
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object') for (const inner of Object.values(value)) deepFreeze(inner);
	return Object.freeze(value);
}
