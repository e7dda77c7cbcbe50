import type { Logger } from 'pino';
import type { Accountability, HookMeta } from '@mantle/extensions-sdk';

export type BusFilter = (payload: unknown, meta: HookMeta, accountability: Accountability | null) => unknown;
export type BusAction = (meta: HookMeta, accountability: Accountability | null) => unknown;

interface Subscription<H> {
	owner: string;
	handler: H;
}

/**
 * The kernel's event bus. `filter` handlers run in registration order before a change, inside its
 * transaction: each may return a new payload, or throw to refuse the change. `action` handlers run
 * after the change, never holding up the response, and their failures are logged, not raised.
 * Subscriptions belong to an owner (an extension), so a reload can drop them all at once.
 */
export class EventBus {
	private readonly filters = new Map<string, Subscription<BusFilter>[]>();
	private readonly actions = new Map<string, Subscription<BusAction>[]>();

	constructor(private readonly logger: Logger) {}

	onFilter(event: string, owner: string, handler: BusFilter): void {
		this.filters.set(event, [...(this.filters.get(event) ?? []), { owner, handler }]);
	}

	onAction(event: string, owner: string, handler: BusAction): void {
		this.actions.set(event, [...(this.actions.get(event) ?? []), { owner, handler }]);
	}

	/** Drops every subscription of the owners (on reload or disable). */
	removeOwners(owners: Set<string>): void {
		for (const map of [this.filters, this.actions] as Array<Map<string, Subscription<unknown>[]>>) {
			for (const [event, list] of map)
				map.set(
					event,
					list.filter((subscription) => !owners.has(subscription.owner)),
				);
		}
	}

	/** Whether anything listens, so callers can skip building payloads nobody reads. */
	hasFilter(event: string): boolean {
		return (this.filters.get(event)?.length ?? 0) > 0;
	}

	hasAction(event: string): boolean {
		return (this.actions.get(event)?.length ?? 0) > 0;
	}

	async filter<P>(event: string, payload: P, meta: Omit<HookMeta, 'event'>, accountability: Accountability | null): Promise<P> {
		let current = payload;
		for (const { handler } of this.filters.get(event) ?? []) {
			const result = await handler(current, { ...meta, event }, accountability);
			if (result !== undefined) current = result as P;
		}
		return current;
	}

	action(event: string, meta: Omit<HookMeta, 'event'>, accountability: Accountability | null): void {
		for (const { owner, handler } of this.actions.get(event) ?? []) {
			setImmediate(() => {
				Promise.resolve()
					.then(() => handler({ ...meta, event }, accountability))
					.catch((error: unknown) => this.logger.warn({ err: error, extension: owner, event }, 'action hook failed'));
			});
		}
	}
}
