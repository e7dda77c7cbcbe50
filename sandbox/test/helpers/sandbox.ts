import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExecutionContext } from 'ava';
import {
	SandboxSupervisor,
	type Accountability,
	type GrantedScopes,
	type HostBridge,
	type ItemsCall,
	type LogLevel,
	type SandboxLimits,
	type SandboxRequest,
} from '../../src/index.js';

// Generous: the machines running these tests are small and busy; no assertion depends on timing.
export const defaultLimits: SandboxLimits = { memoryMb: 64, timeoutMs: 10_000, maxCrashes: 3 };

export interface RecordingBridge extends HostBridge {
	logs: Array<{ extensionId: string; level: LogLevel; message: string; data: Record<string, unknown> | undefined }>;
	itemsCalls: Array<{ extensionId: string; call: ItemsCall }>;
}

export function recordingBridge(env: Record<string, string> = {}): RecordingBridge {
	const bridge: RecordingBridge = {
		logs: [],
		itemsCalls: [],
		log(extensionId, level, message, data) {
			bridge.logs.push({ extensionId, level, message, data });
		},
		async items(extensionId, call) {
			bridge.itemsCalls.push({ extensionId, call });
			return { data: [{ id: 1, collection: call.collection, method: call.method }] };
		},
		env: () => env,
	};
	return bridge;
}

export interface StartedSandbox {
	supervisor: SandboxSupervisor;
	bridge: RecordingBridge;
}

/** A started supervisor, stopped when the test ends whatever its outcome. */
export async function startSandbox(
	t: ExecutionContext,
	options: { limits?: Partial<SandboxLimits>; allowPrivateNetwork?: boolean; env?: Record<string, string> } = {},
): Promise<StartedSandbox> {
	const bridge = recordingBridge(options.env);
	const supervisor = new SandboxSupervisor({ limits: { ...defaultLimits, ...options.limits }, bridge, allowPrivateNetwork: options.allowPrivateNetwork });
	t.teardown(() => supervisor.stop());
	await supervisor.start();
	return { supervisor, bridge };
}

export const caller: Accountability = { user: 'user-1', role: 'role-1', roles: ['role-1'], policies: ['policy-1'], admin: false, app: true, ip: '127.0.0.1' };

export function request(overrides: Partial<SandboxRequest> = {}): SandboxRequest {
	return { method: 'GET', path: '/', params: {}, query: {}, headers: {}, body: undefined, accountability: caller, ...overrides };
}

/** An endpoint extension whose handler body is `body`, with `router` and `ctx` in scope. */
export function endpointSource(body: string, id = 'test'): string {
	return `import { defineEndpoint, createError, ExtensionError } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: ${JSON.stringify(id)}, handler: (router, ctx) => {
${body}
} });`;
}

export async function loadEndpoint(supervisor: SandboxSupervisor, body: string, scopes: GrantedScopes = {}, id = 'test') {
	const extension = await supervisor.load({ id, type: 'endpoint', code: endpointSource(body, id), scopes });
	if (extension.type !== 'endpoint') throw new Error('expected an endpoint');
	return extension;
}

/** A plain HTTP server on loopback; `hits` counts the requests it answered. */
export async function loopbackServer(t: ExecutionContext, handler?: http.RequestListener): Promise<{ port: number; hits: () => number }> {
	let hits = 0;
	const server = http.createServer((req, res) => {
		hits += 1;
		if (handler) return handler(req, res);
		res.setHeader('content-type', 'application/json');
		res.end(JSON.stringify({ method: req.method, url: req.url }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())));
	return { port: (server.address() as AddressInfo).port, hits: () => hits };
}
