import ivm from 'isolated-vm';
import { SandboxError, toWire, type WireError } from './errors.js';
import type { ChildConfig, Invocation, LoadPayload } from './protocol.js';
import { runtimeSource } from './prelude.js';
import { hostCapabilities, type CapabilityHost } from './capabilities/index.js';
import { checkRegistrations } from './registrations.js';
import type { Registrations } from './types.js';

const sdkSpecifier = '@mantle/extensions-sdk';
// Compiling and setting up a module costs more than a call; a loaded machine must not fail it.
const bootAllowanceMs = 5000;

type Envelope = { ok?: unknown; error?: WireError };

/**
 * One extension in its own isolate. A call that runs out of time or memory disposes the isolate;
 * the next call builds a fresh one from the same source, so one bad call never wedges the extension.
 */
export class ExtensionRuntime {
	private isolate: ivm.Isolate | undefined;
	private dispatch: ivm.Reference<(op: string, input: unknown, token?: string) => Promise<string>> | undefined;
	private booting: Promise<Registrations> | undefined;
	private disposedFor: 'timeout' | 'unload' | undefined;

	constructor(
		readonly extension: LoadPayload,
		private readonly config: ChildConfig,
		private readonly host: CapabilityHost,
	) {}

	/** Builds the isolate and runs the extension's setup; answers what it registered. */
	start(): Promise<Registrations> {
		return this.boot();
	}

	async invoke(invocation: Invocation): Promise<unknown> {
		if (this.disposedFor === 'unload') throw new SandboxError('SANDBOX_UNAVAILABLE', `The extension ${this.extension.id} is not loaded.`);
		const dispatch = this.dispatch && !this.isolate?.isDisposed ? this.dispatch : (await this.boot(), this.dispatch!);
		const input =
			invocation.op === 'operation' ? { ...invocation.input, accountability: invocation.accountability } : { index: invocation.index, ...invocation.input };
		try {
			const call = dispatch.apply(undefined, [invocation.op, JSON.stringify(input), invocation.token], {
				timeout: this.config.timeoutMs,
				result: { promise: true, copy: true },
			});
			return this.unwrap(await this.deadline(call, this.config.timeoutMs));
		} catch (error) {
			throw this.translate(error, 'call');
		}
	}

	dispose(): void {
		this.disposedFor = 'unload';
		this.kill();
	}

	private boot(): Promise<Registrations> {
		this.booting ??= this.build().finally(() => (this.booting = undefined));
		return this.booting;
	}

	private async build(): Promise<Registrations> {
		this.kill();
		this.disposedFor = undefined;
		const isolate = new ivm.Isolate({ memoryLimit: this.config.memoryMb });
		this.isolate = isolate;
		const timeout = this.config.timeoutMs;
		try {
			return await this.deadline(
				(async () => {
					const context = await isolate.createContext();
					const sdk = await isolate.compileModule(this.config.sdkModule, { filename: 'mantle:extensions-sdk' });
					await sdk.instantiate(context, () => {
						throw new SandboxError('INVALID_EXTENSION', 'The SDK imports nothing.');
					});
					await sdk.evaluate({ timeout });
					const factory = await context.eval(runtimeSource, { reference: true, timeout });
					const capabilities = hostCapabilities(this.extension, this.config, this.host);
					const dispatch = (await factory.apply(
						undefined,
						[
							sdk.namespace.derefInto(),
							this.extension.type,
							capabilities.log,
							capabilities.sleep,
							capabilities.request,
							capabilities.items,
							capabilities.envJson,
						],
						{ result: { reference: true }, timeout },
					)) as ivm.Reference<(op: string, input: unknown, token?: string) => Promise<string>>;
					const module = await isolate.compileModule(this.extension.code, { filename: `extension:${this.extension.id}` });
					await module.instantiate(context, (specifier) => {
						if (specifier === sdkSpecifier) return sdk;
						throw new SandboxError('INVALID_EXTENSION', `Sandboxed extensions can import only ${sdkSpecifier}, not ${JSON.stringify(specifier)}.`);
					});
					await module.evaluate({ timeout });
					const answer = await dispatch.apply(undefined, ['setup', module.namespace.derefInto()], { timeout, result: { promise: true, copy: true } });
					const registrations = checkRegistrations(this.extension.type, this.unwrap(answer));
					this.dispatch = dispatch;
					return registrations;
				})(),
				timeout + bootAllowanceMs,
			);
		} catch (error) {
			const translated = this.translate(error, 'load');
			this.kill();
			throw translated;
		}
	}

	/** Rejects when `ms` pass first, and disposes the isolate: a promise that never settles or code spinning after an `await` stop there. */
	private deadline<T>(work: Promise<T>, ms: number): Promise<T> {
		let timer: NodeJS.Timeout | undefined;
		const expired = new Promise<never>((_, reject) => {
			timer = setTimeout(() => {
				this.disposedFor = 'timeout';
				this.kill();
				reject(new SandboxError('EXTENSION_TIMEOUT', `The extension ${this.extension.id} did not answer within ${ms} ms.`));
			}, ms);
		});
		return Promise.race([work, expired]).finally(() => clearTimeout(timer));
	}

	private unwrap(answer: unknown): unknown {
		const envelope = JSON.parse(String(answer)) as Envelope;
		if (envelope.error) throw SandboxError.fromWire(envelope.error);
		return envelope.ok;
	}

	/** Maps isolated-vm's failures to the sandbox's codes; the extension's own errors pass as they are. */
	private translate(error: unknown, phase: 'load' | 'call'): SandboxError {
		if (error instanceof SandboxError) return error;
		const message = error instanceof Error ? error.message : String(error);
		const id = this.extension.id;
		if (/memory limit/i.test(message) || (this.isolate?.isDisposed && this.disposedFor === undefined)) {
			this.kill();
			return new SandboxError('EXTENSION_OUT_OF_MEMORY', `The extension ${id} ran out of memory (limit ${this.config.memoryMb} MiB).`);
		}
		if (/timed out/i.test(message) || this.disposedFor === 'timeout') {
			// Execution was terminated mid-way: whatever state it left behind is not worth keeping.
			this.disposedFor = 'timeout';
			this.kill();
			return new SandboxError('EXTENSION_TIMEOUT', `The extension ${id} did not answer within ${this.config.timeoutMs} ms.`);
		}
		if (this.disposedFor === 'unload') return new SandboxError('SANDBOX_UNAVAILABLE', `The extension ${id} was unloaded during the call.`);
		const wire = toWire(error);
		// Compile and link errors carry the extension's own text; while loading, they mean the code is unusable.
		return new SandboxError(phase === 'load' && wire.code === 'INTERNAL' ? 'INVALID_EXTENSION' : wire.code, wire.message);
	}

	private kill(): void {
		const isolate = this.isolate;
		this.dispatch = undefined;
		if (isolate && !isolate.isDisposed) isolate.dispose();
	}
}
