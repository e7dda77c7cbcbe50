import type { SandboxSupervisor } from '@mantle/sandbox';
import type { ExtensionContext, MailCapability } from '@mantle/extensions-sdk';
import type { Authenticator } from '../auth/accountability.js';
import type { DataEngine } from '../items/engine.js';
import type { Mailer } from '../mail/mailer.js';
import { createFlowsCapability } from './capability.js';
import { createRequestCapability } from './http-request.js';
import { BullFlowQueue } from './queue-bull.js';
import { InProcessQueue, type FlowQueue } from './queue.js';
import { FlowsRuntime, type FlowsRuntimeOptions } from './runtime.js';
import { createScriptsCapability } from './scripts.js';

export { FlowsRuntime } from './runtime.js';

/** What the runtime needs, less the queue (chosen here: BullMQ with Redis, in-process without), plus what the capabilities use. */
export interface FlowsSetup extends Omit<FlowsRuntimeOptions, 'queue'> {
	redisUrl?: string;
	engine: DataEngine;
	authenticator: Authenticator;
	mailer: Mailer;
	sandbox: () => Promise<SandboxSupervisor>;
}

/** The flows runtime and the capabilities its first-party operations and endpoint use. */
export function createFlows(setup: FlowsSetup): {
	runtime: FlowsRuntime;
	capabilities: Required<Pick<ExtensionContext, 'flows' | 'mail' | 'scripts' | 'request'>>;
} {
	const queueOptions = {
		concurrency: setup.config.concurrency,
		attempts: setup.config.attempts,
		backoffMs: setup.config.backoffMs,
		logger: setup.logger.child({ component: 'flows' }),
	};
	const queue: FlowQueue = setup.redisUrl
		? new BullFlowQueue(setup.redisUrl, { ...queueOptions, lockDurationMs: setup.config.lockDurationMs, queueName: setup.config.queueName })
		: new InProcessQueue(queueOptions);
	const runtime = new FlowsRuntime({ ...setup, queue });
	const mail: MailCapability = {
		send: ({ to, subject, text, html }) =>
			setup.mailer.send({ to: Array.isArray(to) ? to.join(', ') : to, subject, text: text ?? '', ...(html ? { html } : {}) }),
	};
	return {
		runtime,
		capabilities: {
			flows: createFlowsCapability({ runtime, engine: setup.engine, authenticator: setup.authenticator }),
			mail,
			scripts: createScriptsCapability(setup.sandbox),
			request: createRequestCapability(setup.config.requestAllowPrivateNetwork),
		},
	};
}
