import { createHash } from 'node:crypto';
import type { Server as HttpServer } from 'node:http';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { GraphqlCapability } from '@mantle/extensions-sdk';
import type { DatabaseConfig } from '../config/index.js';
import type { RealtimeConfig } from '../config/realtime.js';
import type { EventBus } from '../events/bus.js';
import type { DataEngine } from '../items/engine.js';
import type { PermissionProvider } from '../permissions/types.js';
import type { SchemaStore } from '../schema/schema-store.js';
import type { SocketAuthDeps } from './auth.js';
import { ChangeFeed } from './feed.js';
import { graphqlSockets } from './graphql-sockets.js';
import { SubscriptionHub } from './hub.js';
import { RealtimeServer } from './server.js';
import { UserDependence } from './user-dependence.js';

export interface RealtimeOptions {
	config: RealtimeConfig;
	/** Which data the events are about: instances of other deployments on the same Redis are not told. */
	database: DatabaseConfig;
	listener: HttpServer;
	bus: EventBus;
	engine: DataEngine;
	schema: SchemaStore;
	permissions: PermissionProvider;
	auth: SocketAuthDeps;
	/** News of permission and data-model changes (local and from other instances), and where GraphQL subscriptions plug in. */
	graphql: GraphqlCapability;
	redis?: Redis;
	logger: Logger;
}

export interface Realtime {
	readonly feed: ChangeFeed;
	readonly hub: SubscriptionHub;
	/** Absent when WEBSOCKETS_ENABLED is off. */
	readonly server?: RealtimeServer;
	start(): void;
	stop(): Promise<void>;
}

/**
 * Live updates: item changes heard on the event bus (and from other instances over Redis),
 * delivered to `/websocket` subscribers and GraphQL subscriptions as each may see them.
 */
export function createRealtime(options: RealtimeOptions): Realtime {
	const { config, logger } = options;
	const feed = new ChangeFeed(options.bus, logger, config.enabled ? options.redis : undefined, deploymentOf(options.database));
	const dependence = new UserDependence(options.schema, options.permissions);
	const hub = new SubscriptionHub(options.engine, feed, dependence, logger);
	const stopWatching = options.graphql.onChange(() => dependence.reset());
	const sockets = graphqlSockets(hub, options.graphql, logger, config.enabled);
	const server = config.enabled
		? new RealtimeServer({
				listener: options.listener,
				config,
				hub,
				engine: options.engine,
				auth: options.auth,
				logger,
				graphql: sockets.handler,
				onAccessChange: (listener) => options.graphql.onChange(listener),
			})
		: undefined;
	return {
		feed,
		hub,
		server,
		start() {
			if (!config.enabled) return;
			feed.start();
			server?.start();
		},
		async stop() {
			stopWatching();
			server?.stop();
			hub.stop();
			await feed.stop();
		},
	};
}

/** Names the database a deployment serves, so its instances share one channel and other deployments' stay apart. */
function deploymentOf(database: DatabaseConfig): string {
	const { client, filename, connectionString, host, port, database: name, searchPath } = database;
	return createHash('sha256')
		.update(
			JSON.stringify([
				client,
				connectionString ?? null,
				host ?? null,
				port ?? null,
				name ?? null,
				searchPath ?? null,
				client.includes('sqlite') ? filename : null,
			]),
		)
		.digest('hex')
		.slice(0, 16);
}
