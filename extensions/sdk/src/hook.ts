import type { Accountability } from './accountability.js';
import type { CapabilityName, ContextWith, ExtensionContext } from './context.js';
import type { Item, PrimaryKey } from './items.js';

/** What the event is about; which fields are set depends on the event. */
export interface HookMeta {
	/** The full event name, e.g. `articles.items.create`. */
	event: string;
	collection?: string;
	keys?: PrimaryKey[];
	key?: PrimaryKey;
	payload?: unknown;
	[name: string]: unknown;
}

/** The extension's own capabilities, plus who caused the event (`null` for the system). */
export interface HookEventContext extends ExtensionContext {
	accountability: Accountability | null;
}

/** Runs before the change and inside its transaction: returns the payload to use, or throws to refuse. */
export type FilterHandler<P = Item> = (payload: P, meta: HookMeta, context: HookEventContext) => P | Promise<P>;
/** Runs after the change committed; its result and its failure are the hook's own business. */
export type ActionHandler = (meta: HookMeta, context: HookEventContext) => void | Promise<void>;
/** Runs at a point of the kernel's start (`app.before`, `routes.after`, `app.after`, ...). */
export type InitHandler = (meta: HookMeta) => void | Promise<void>;
/** Runs on the cron schedule, once across all instances. */
export type ScheduleHandler = () => void | Promise<void>;

export interface HookRegister {
	/** A blocking hook on `<collection>.items.<create|update|delete>` and the like. */
	filter<P = Item>(event: string, handler: FilterHandler<P>): void;
	/** A non-blocking hook on `<collection>.items.<create|update|delete>` and the like. */
	action(event: string, handler: ActionHandler): void;
	init(event: string, handler: InitHandler): void;
	/** `cron` has five or six fields, e.g. `*\/15 * * * *` for every quarter hour. */
	schedule(cron: string, handler: ScheduleHandler): void;
}

/** `C`: the capabilities the manifest declares (`defineHook<'items'>(…)`), which the hook may use unchecked. */
export type HookDefinition<C extends CapabilityName = never> = (register: HookRegister, context: ContextWith<C>) => void | Promise<void>;

/** Returns its argument: the same function runs trusted in-process or in a sandbox. */
export function defineHook<C extends CapabilityName = never>(definition: HookDefinition<C>): HookDefinition<C> {
	return definition;
}
