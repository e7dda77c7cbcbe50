import ivm from 'isolated-vm';
import type { ChildConfig, ItemsRequest, LoadPayload } from '../protocol.js';
import type { LogLevel } from '../types.js';
import { grantedEnv } from './env.js';
import { createItems } from './items.js';
import { createLog } from './log.js';
import { createRequest } from './request.js';
import { createSleep } from './sleep.js';

/** What the sandbox process offers capabilities: the kernel, reached over IPC. */
export interface CapabilityHost {
	log(extensionId: string, level: LogLevel, message: string, data: Record<string, unknown> | undefined): void;
	items(extensionId: string, call: ItemsRequest): Promise<unknown>;
}

export interface HostCapabilities {
	log?: ivm.Reference;
	sleep?: ivm.Reference;
	request?: ivm.Reference;
	items?: ivm.Reference;
	envJson?: string;
}

// Enough for any API answer an extension should process; more would only feed a memory attack.
const maxResponseBytes = 5 * 1024 * 1024;

/** References to the granted capabilities only: what is not granted is not there to be called. */
export function hostCapabilities(extension: LoadPayload, config: ChildConfig, host: CapabilityHost): HostCapabilities {
	const { id, scopes } = extension;
	const reference = (fn: ((...args: never[]) => unknown) | undefined) => (fn ? new ivm.Reference(fn) : undefined);
	const env = grantedEnv(scopes, extension.env);
	return {
		log: reference(createLog(scopes, (level, message, data) => host.log(id, level, message, data))),
		sleep: reference(createSleep(scopes, config.timeoutMs)),
		request: reference(createRequest(scopes, { allowPrivateNetwork: config.allowPrivateNetwork, timeoutMs: config.timeoutMs, maxResponseBytes })),
		items: reference(createItems(scopes, (call) => host.items(id, call))),
		envJson: env ? JSON.stringify(env) : undefined,
	};
}
