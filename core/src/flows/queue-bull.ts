import type { EventEmitter } from 'node:events';
import type { Redis } from 'ioredis';
import type { Job, Queue, Worker } from 'bullmq';
import { scheduleTrigger, type FlowQueue, type JobHandler, type QueueOptions, type ScheduleEntry } from './queue.js';
import type { FlowJob } from './types.js';

const schedulePrefix = 'schedule:';

/**
 * Runs as BullMQ jobs on the shared Redis: any instance's worker takes a run, a run whose worker
 * died is taken over once its lock lapses, and a cron schedule is one job scheduler per flow,
 * so a tick fires once however many instances there are.
 */
export class BullFlowQueue implements FlowQueue {
	private queue: Queue | undefined;
	private worker: Worker | undefined;
	private readonly connections: Redis[] = [];

	constructor(
		private readonly redisUrl: string,
		private readonly options: QueueOptions & { lockDurationMs: number; queueName: string },
	) {}

	async start(handler: JobHandler): Promise<void> {
		const { Queue, Worker } = await import('bullmq');
		// The producer side fails fast while Redis is away (the start and requests must not wait on
		// it); the worker's blocking commands wait as long as they need.
		this.queue = new Queue(this.options.queueName, { connection: await this.connection(1) });
		// BullMQ re-emits its connection's failures on the queue; an emitter's unheard 'error' throws,
		// and here inside BullMQ's own promise chain, as an unhandled rejection that ends the process.
		this.queue.on('error', (error) => this.options.logger.debug({ err: error }, 'flow queue error'));
		this.worker = new Worker(
			this.options.queueName,
			async (job: Job) => {
				const data = job.data as FlowJob;
				// A scheduler's job carries no tick of its own: it fires at its creation plus its delay.
				const trigger = job.name === 'schedule' ? scheduleTrigger(job.timestamp + (job.opts.delay ?? 0)) : data.trigger;
				await handler({ ...data, trigger });
			},
			{
				connection: await this.connection(null),
				concurrency: this.options.concurrency,
				lockDuration: this.options.lockDurationMs,
				stalledInterval: Math.max(250, Math.floor(this.options.lockDurationMs / 2)),
				maxStalledCount: 2,
			},
		);
		this.worker.on('failed', (job, error) => this.options.logger.warn({ err: error, flow: (job?.data as FlowJob | undefined)?.flowId }, 'flow run failed'));
		this.worker.on('error', (error) => this.options.logger.debug({ err: error }, 'flow queue error'));
	}

	async add(job: FlowJob): Promise<void> {
		await this.queue!.add('run', job, {
			attempts: this.options.attempts,
			backoff: { type: 'exponential', delay: this.options.backoffMs },
			removeOnComplete: 1000,
			removeOnFail: 1000,
		});
	}

	async setSchedules(schedules: ScheduleEntry[]): Promise<void> {
		const queue = this.queue!;
		// BullMQ reaches its job schedulers through a promise that swallows a failed connection and
		// rethrows it where nobody can catch it: asked only once the connection is up, it cannot fail that way.
		await queue.waitUntilReady();
		const wanted = new Set(schedules.map(({ flowId }) => schedulePrefix + flowId));
		for (const existing of await queue.getJobSchedulers()) {
			const id = existing.key;
			if (id.startsWith(schedulePrefix) && !wanted.has(id)) await queue.removeJobScheduler(id);
		}
		for (const { flowId, cron } of schedules) {
			await queue.upsertJobScheduler(
				schedulePrefix + flowId,
				{ pattern: cron },
				{
					name: 'schedule',
					data: { flowId, trigger: null, accountability: null, depth: 0 } satisfies FlowJob,
					opts: { removeOnComplete: 1000, removeOnFail: 1000 },
				},
			);
		}
	}

	async stop(): Promise<void> {
		await this.worker?.close();
		await this.queue?.close();
		for (const connection of [this.worker, this.queue].flatMap(bullConnections)) connection.on('error', () => {});
		// A connection that never came up is dropped: QUIT would wait for it forever.
		await Promise.allSettled(this.connections.map((connection) => (connection.status === 'ready' ? connection.quit() : connection.disconnect())));
	}

	private async connection(maxRetriesPerRequest: number | null): Promise<Redis> {
		const { Redis } = await import('ioredis');
		const connection = new Redis(this.redisUrl, { maxRetriesPerRequest });
		connection.on('error', (error: Error) => this.options.logger.debug({ err: error }, 'flow queue redis error'));
		this.connections.push(connection);
		return connection;
	}
}

/**
 * The connection wrappers BullMQ keeps for a closed queue or worker. Closing one drops its
 * listeners, yet a wrapper whose Redis never came up still fails its start when its client ends
 * (which the drop of our connections, or BullMQ's own, brings about) and reports that as an
 * 'error' event: with nobody listening, an unhandled rejection (taskforcesh/bullmq#3546). The
 * kernel has stopped and the failure says nothing new, so it is heard and let go.
 */
function bullConnections(owner: Queue | Worker | undefined): EventEmitter[] {
	const held = owner as unknown as { connection?: EventEmitter; blockingConnection?: EventEmitter } | undefined;
	return [held?.connection, held?.blockingConnection].filter((connection): connection is EventEmitter => connection !== undefined);
}
