import { Cron } from 'croner';
import type { Logger } from 'pino';
import type { FlowJob } from './types.js';

export type JobHandler = (job: FlowJob) => Promise<void>;

export interface ScheduleEntry {
	flowId: string;
	cron: string;
}

/**
 * Where runs wait that nobody waits on (action events, asynchronous webhooks and manual
 * triggers, schedules). In-process without Redis; a BullMQ queue shared by every instance with it.
 */
export interface FlowQueue {
	start(handler: JobHandler): Promise<void>;
	add(job: FlowJob): Promise<void>;
	/** Replaces the cron schedules: each fires once per tick, across all instances. */
	setSchedules(schedules: ScheduleEntry[]): Promise<void>;
	/** Stops taking runs; runs already going are finished first. */
	stop(): Promise<void>;
}

export interface QueueOptions {
	concurrency: number;
	attempts: number;
	backoffMs: number;
	logger: Logger;
}

/** A scheduled run's trigger: the tick it fires for, so a run knows which one it is. */
export function scheduleTrigger(tick: number): { timestamp: string; tick: number } {
	return { timestamp: new Date(tick).toISOString(), tick };
}

/**
 * The single-process queue: the same semantics as the shared one (concurrency, retries with
 * exponential backoff, protected schedules) inside one kernel.
 */
export class InProcessQueue implements FlowQueue {
	private handler: JobHandler | undefined;
	private readonly waiting: Array<{ job: FlowJob; attempt: number }> = [];
	private running = 0;
	private readonly active = new Set<Promise<void>>();
	private readonly retries = new Set<NodeJS.Timeout>();
	private jobs: Cron[] = [];
	private stopped = false;

	constructor(private readonly options: QueueOptions) {}

	async start(handler: JobHandler): Promise<void> {
		this.handler = handler;
		this.pump();
	}

	async add(job: FlowJob): Promise<void> {
		if (this.stopped) return;
		this.waiting.push({ job, attempt: 1 });
		this.pump();
	}

	async setSchedules(schedules: ScheduleEntry[]): Promise<void> {
		for (const job of this.jobs) job.stop();
		this.jobs = schedules.map(
			({ flowId, cron }) =>
				// protect: a tick that comes while the last run still goes is skipped, not stacked.
				new Cron(cron, { protect: true }, (self: Cron) => {
					const tick = self.currentRun()?.getTime() ?? Date.now();
					return this.add({ flowId, trigger: scheduleTrigger(tick), accountability: null, depth: 0 });
				}),
		);
	}

	async stop(): Promise<void> {
		this.stopped = true;
		for (const job of this.jobs) job.stop();
		for (const timer of this.retries) clearTimeout(timer);
		this.waiting.length = 0;
		await Promise.allSettled([...this.active]);
	}

	private pump(): void {
		while (this.handler && !this.stopped && this.running < this.options.concurrency && this.waiting.length > 0) {
			const entry = this.waiting.shift()!;
			this.running += 1;
			const run = this.handler(entry.job)
				.catch((error: unknown) => this.retry(entry, error))
				.finally(() => {
					this.running -= 1;
					this.active.delete(run);
					this.pump();
				});
			this.active.add(run);
		}
	}

	private retry(entry: { job: FlowJob; attempt: number }, error: unknown): void {
		if (entry.attempt >= this.options.attempts || this.stopped) {
			this.options.logger.warn({ err: error, flow: entry.job.flowId }, 'flow run failed');
			return;
		}
		const timer = setTimeout(
			() => {
				this.retries.delete(timer);
				this.waiting.push({ job: entry.job, attempt: entry.attempt + 1 });
				this.pump();
			},
			this.options.backoffMs * 2 ** (entry.attempt - 1),
		);
		this.retries.add(timer);
	}
}
