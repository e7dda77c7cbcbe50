import type { Accountability, ExtensionContext, ItemsCapability, ModelCollection } from '@mantle/extensions-sdk';

/** What every resolver of one request works with. */
export interface RequestContext {
	accountability: Accountability;
	items: ItemsCapability;
	capabilities: ExtensionContext;
	request: { ip: string | null; userAgent?: string; origin?: string; cookies: Record<string, string> };
	/** Headers a resolver wants on the HTTP response (login cookies). */
	responseHeaders: Record<string, string[]>;
}

/** The caller's collections by name, shared by the types and resolvers of one schema. */
export type Collections = Map<string, ModelCollection>;
