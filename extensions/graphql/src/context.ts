import type { Accountability, ContextWith, Item, ItemsCapability, ModelCollection } from '@mantle/extensions-sdk';

/** The capabilities the extension's manifest declares, so the host hands them over or refuses the load. */
export type GraphqlExtensionContext = ContextWith<'graphql' | 'items' | 'auth' | 'server' | 'files' | 'schema' | 'hash'>;

/** What every resolver of one request works with. */
export interface RequestContext {
	accountability: Accountability;
	items: ItemsCapability;
	capabilities: GraphqlExtensionContext;
	request: { ip: string | null; userAgent?: string; origin?: string; cookies: Record<string, string> };
	/** Headers a resolver wants on the HTTP response (login cookies). */
	responseHeaders: Record<string, string[]>;
	/** The data model's names for the schema's, where they are not valid GraphQL (renames.ts). */
	names?: { realCollection(collection: string): string; itemOf(collection: string, item: Item): Item };
}

/** The caller's collections by name, shared by the types and resolvers of one schema. */
export type Collections = Map<string, ModelCollection>;
