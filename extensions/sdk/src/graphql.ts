import type { Accountability } from './accountability.js';
import type { GraphqlSubscriptions } from './graphql-subscriptions.js';

/** How a relational field links: to one item, to many items, or to one item of several collections. */
export type ModelRelation =
	| { kind: 'm2o'; related: string }
	| { kind: 'o2m'; related: string; relatedField: string; junctionField: string | null }
	| { kind: 'm2a'; allowed: string[]; collectionField: string };

/** One field of a collection, with what the caller may do with it. */
export interface ModelField {
	field: string;
	/** The API field type: `string`, `integer`, `dateTime`, `json`, `uuid`, ..., or `alias` (no column). */
	type: string;
	primary: boolean;
	nullable: boolean;
	/** A value the database fills when none is given (defaults, auto-increment). */
	hasDefault: boolean;
	special: string[];
	relation: ModelRelation | null;
	read: boolean;
	create: boolean;
	update: boolean;
}

/** One collection as the caller sees it; only collections they may do something with appear. */
export interface ModelCollection {
	collection: string;
	primary: string;
	singleton: boolean;
	/** The fields the caller may read or write, in display order. */
	fields: ModelField[];
	actions: { read: boolean; create: boolean; update: boolean; delete: boolean };
}

/**
 * The data model narrowed to one caller's permissions. Callers whose permissions allow the same
 * things share the same `key`, which changes when the model or the permissions change.
 */
export interface CallerModel {
	key: string;
	/** Admins also get what only admins may call: schema apply, clearing the cache. */
	admin: boolean;
	collections: ModelCollection[];
}

export interface GraphqlSettings {
	introspection: boolean;
	queryDepthMax: number;
	queryAliasMax: number;
	queryCostMax: number;
	/** Distinct schemas kept at once (one per permission set). */
	schemaCacheCapacity: number;
	/** Rows a list answers with when it sets no limit. */
	defaultLimit: number;
}

/**
 * What the `/graphql` endpoint builds its schemas from: the caller's view of the data model, news
 * of changes to the model or to permissions (on this instance or another sharing Redis), and the
 * configured limits. Offered to the first-party GraphQL extension.
 */
export interface GraphqlCapability {
	settings: GraphqlSettings;
	model(accountability: Accountability): Promise<CallerModel>;
	/** `listener` runs after every change that can alter a caller's model; returns the unsubscribe. */
	onChange(listener: () => void): () => void;
	/** The schema a caller sees, as SDL (`/server/specs/graphql`); answered once the GraphQL extension provides it. */
	sdl(accountability: Accountability, scope: GraphqlScope): Promise<string>;
	/** Called by the GraphQL extension when it loads, so other endpoints can serve its schemas. */
	provideSdl(provider: (accountability: Accountability, scope: GraphqlScope) => Promise<string>): void;
	/** Live item changes for subscriptions; absent where WebSockets are turned off. */
	subscriptions?: GraphqlSubscriptions;
}

/** `/graphql` serves the user collections, `/graphql/system` the system ones. */
export type GraphqlScope = 'items' | 'system';
