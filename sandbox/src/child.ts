// The sandbox process: forked by the supervisor with `--no-node-snapshot`, it holds every
// extension's isolate, so that a V8 fatal error or an exhausted heap ends this process only.
import { SandboxError, toWire, type WireError } from './errors.js';
import type { ChildConfig, ChildMessage, ChildStats, ItemsRequest, SupervisorMessage } from './protocol.js';
import { ExtensionRuntime } from './runtime.js';
import type { CapabilityHost } from './capabilities/index.js';

if (!process.send) throw new Error('The sandbox process must be started by the supervisor, with an IPC channel.');

const config = JSON.parse(process.argv[2] ?? '{}') as ChildConfig;
const runtimes = new Map<string, ExtensionRuntime>();
const bridgeCalls = new Map<number, { resolve(value: unknown): void; reject(error: SandboxError): void }>();
let nextBridgeId = 1;

function send(message: ChildMessage): void {
	// The channel closes when the supervisor goes; nothing is left to tell it then.
	if (process.connected) process.send!(message);
}

const host: CapabilityHost = {
	log(extensionId, level, message, data) {
		send({ type: 'log', extensionId, level, message, data });
	},
	items(extensionId, call: ItemsRequest) {
		const id = nextBridgeId++;
		return new Promise((resolve, reject) => {
			bridgeCalls.set(id, { resolve, reject });
			send({ type: 'bridge', id, extensionId, request: { method: 'items', call } });
		});
	},
};

async function handle(message: SupervisorMessage): Promise<unknown> {
	switch (message.type) {
		case 'load': {
			runtimes.get(message.extension.id)?.dispose();
			runtimes.delete(message.extension.id);
			const runtime = new ExtensionRuntime(message.extension, config, host);
			const registrations = await runtime.start();
			runtimes.set(message.extension.id, runtime);
			return registrations;
		}
		case 'unload':
			runtimes.get(message.extensionId)?.dispose();
			runtimes.delete(message.extensionId);
			return undefined;
		case 'invoke': {
			const runtime = runtimes.get(message.extensionId);
			if (!runtime) throw new SandboxError('SANDBOX_UNAVAILABLE', `The extension ${message.extensionId} is not loaded.`);
			return runtime.invoke(message.invocation);
		}
		case 'stats': {
			const memory = process.memoryUsage();
			return { rss: memory.rss, heapUsed: memory.heapUsed, extensions: runtimes.size } satisfies ChildStats;
		}
		default:
			throw new SandboxError('INVALID_PAYLOAD', 'Unknown message.');
	}
}

process.on('message', (message: SupervisorMessage) => {
	if (message.type === 'bridge-reply') {
		const pending = bridgeCalls.get(message.id);
		bridgeCalls.delete(message.id);
		if (message.ok) pending?.resolve(message.value);
		else pending?.reject(SandboxError.fromWire(message.error as WireError));
		return;
	}
	handle(message).then(
		(value) => send({ type: 'reply', id: message.id, ok: true, value }),
		(error: unknown) => send({ type: 'reply', id: message.id, ok: false, error: toWire(error) }),
	);
});

// Orphaned, this process would keep isolates alive for no one.
process.on('disconnect', () => process.exit(0));

send({ type: 'ready' });
