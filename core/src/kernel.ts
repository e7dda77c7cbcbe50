import { randomUUID } from 'node:crypto';
import type { Server } from '@hapi/hapi';
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { Config } from './config/index.js';
import { connectDatabase, type Database } from './database/connect.js';
import { createHttpServer } from './server/create-server.js';
import { dispatcherRoute } from './server/dispatch.js';
import { createServerCapability } from './server/server-capability.js';
import { createAuthenticator, type Authenticator } from './auth/accountability.js';
import { createAuthCapability } from './auth/capability.js';
import { createLoginAttempts } from './auth/login-attempts.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { authRateLimitGate, registerRateLimiter } from './server/rate-limit.js';
import { endSessionsOnPasswordChange } from './auth/sessions.js';
import { ExtensionHost } from './extensions/host.js';
import { kernelVersion } from './version.js';
import { SchemaStore } from './schema/schema-store.js';
import { createSchemaCapability } from './schema/capability.js';
import { EventBus } from './events/bus.js';
import { DataEngine } from './items/engine.js';
import { activeTransaction } from './items/transaction-context.js';
import { InvalidationBus } from './cache/invalidation-bus.js';
import { createDataCache } from './cache/index.js';
import { createItemsCapability } from './items/capability.js';
import { type PolicyPermissions } from './permissions/provider.js';
import { createExtensionsCapability, extensionSettings } from './extensions/capability.js';
import { createStorage, type Storage } from './storage/index.js';
import { createFilesCapability } from './files/index.js';
import { createHashCapability } from './hash/capability.js';
import { createMetrics } from './metrics/index.js';
import { allowMetricsTokens } from './metrics/authenticate.js';
import { ShareAwarePermissions } from './shares/permissions.js';
import { allowShareTokens } from './shares/authenticate.js';
import { createSharesCapability } from './shares/capability.js';
import { createFlows, type FlowsRuntime } from './flows/index.js';
import { RegistryInstaller } from './extensions/install/installer.js';
import { createGraphqlCapability } from './graphql/capability.js';
import { registerStudio } from './studio/serve.js';
import { createRealtime, type Realtime } from './realtime/index.js';

export interface Kernel {
	readonly config: Config;
	readonly logger: Logger;
	readonly database: Database;
	readonly server: Server;
	readonly extensions: ExtensionHost;
	/** The cached schema overview, rebuilt after schema changes. */
	readonly schema: SchemaStore;
	/** Filter and action events that hooks subscribe to. */
	readonly bus: EventBus;
	/** Who is calling; `invalidate()` after users, roles, policies or access rows change. */
	readonly authenticator: Authenticator;
	readonly mailer: Mailer;
	/** Items of every collection, through permissions, hooks and the activity log. */
	readonly engine: DataEngine;
	readonly permissions: PolicyPermissions;
	/** Cache invalidations shared with the other instances on the same Redis; absent without Redis. */
	readonly invalidations?: InvalidationBus;
	/** The configured storage locations, files' content and transformed variants. */
	readonly storage: Storage;
	/** Flows: their triggers, queue and runs. */
	readonly flows: FlowsRuntime;
	/** Item changes delivered live over `/websocket` and GraphQL subscriptions. */
	readonly realtime: Realtime;
	/** The address the server listens on, known once started. */
	readonly url: string;
	start(): Promise<void>;
	/** Stops taking requests, lets the ones in flight finish, then closes every pool. */
	stop(): Promise<void>;
}

/**
 * Assembles the kernel from a validated configuration: database pool, HTTP server, extension
 * host with its realms. Nothing listens until `start()`; the system tables must already be
 * current (see `bootstrap`).
 */
export async function createKernel(config: Config, logger: Logger): Promise<Kernel> {
	// Built before anything connects: a location configured wrongly stops the start here.
	const storage = createStorage(config.storage.locations);
	const database = connectDatabase(config.database);
	const redis = config.redis ? await connectRedis(config.redis, logger) : undefined;
	const server = createHttpServer({ host: config.host, port: config.port, logger });
	registerRateLimiter(server, config.rateLimiter, redis, logger);
	const authRateLimit = authRateLimitGate({ ...config.abuse.authRateLimiter, keyPrefix: config.rateLimiter.keyPrefix }, redis, logger);
	const bus = new EventBus(logger);
	endSessionsOnPasswordChange(bus, database.knex);
	const schema = new SchemaStore(database.knex, database.dialect, config.database.searchPath);
	const authenticator = createAuthenticator({
		knex: database.knex,
		secret: config.secret,
		sessionCookieName: config.auth.sessionCookie.name,
		announceSessionsEnded: () => invalidations?.publish('sessions'),
	});
	const mailer = createMailer(config.email, logger);
	const attempts = createLoginAttempts(config.abuse.login, redis);

	const permissions: PolicyPermissions = new ShareAwarePermissions(database.knex);
	const metrics = createMetrics(config.metrics, database.knex);
	const engine = new DataEngine({
		knex: database.knex,
		dialect: database.dialect,
		...(database.reader ? { reader: database.reader } : {}),
		schema,
		bus,
		permissions,
		limits: { ...config.query, filterMaxNodes: config.abuse.filterMaxNodes },
		onChange: async (collection) => {
			if (flowCollections.has(collection)) {
				invalidations?.publish('flows');
				// Awaited outside a transaction, so a trigger sent right after saving a flow runs what was
				// saved. Inside one (a write nested in another) the reload waits for the connection and
				// reads what that transaction commits; awaiting it there would stall SQLite's only connection.
				if (activeTransaction.getStore()) void reloadFlows();
				else await reloadFlows();
			}
			if (accessCollections.has(collection)) {
				permissions.invalidate();
				authenticator.invalidate();
				graphql.changed();
				invalidations?.publish('access');
				await cache?.clear();
			}
			await cache?.written([collection]);
		},
	});
	// With several instances on one Redis, a cache dropped here is dropped everywhere.
	const invalidations = redis ? new InvalidationBus(redis, logger) : undefined;
	if (invalidations) {
		invalidations.start();
		schema.onInvalidate(() => invalidations.publish('schema'));
		invalidations.on('schema', () => schema.refresh());
		invalidations.on('access', () => {
			permissions.invalidate();
			authenticator.invalidate();
		});
		invalidations.on('sessions', () => authenticator.forgetSessions());
	}

	const cache = createDataCache({ config: config.cache, redis, logger, registry: metrics.registry, bus, schema, invalidations });

	const graphql = createGraphqlCapability({ schema, permissions, invalidations, config: config.graphql, defaultLimit: config.query.defaultLimit });

	const flows = createFlows({
		knex: database.knex,
		dialect: database.dialect,
		bus,
		logger,
		config: config.flows,
		env: config.env,
		redisUrl: config.redis,
		engine,
		authenticator,
		mailer,
		sandbox: () => extensions.sandboxProcess(),
		operations: () => extensions.operations,
	});
	/** Reloads the flows; a failure is logged, never thrown, so the write that caused it stands. */
	const reloadFlows = () => flows.runtime.reload().catch((error: unknown) => logger.warn({ err: error }, 'could not reload flows'));
	invalidations?.on('flows', () => void reloadFlows());

	// The host serves the extensions capability to the /extensions endpoint it loads, so the
	// capability is added to the trusted set once the host exists, before anything loads.
	const trustedCapabilities: ConstructorParameters<typeof ExtensionHost>[0]['trustedCapabilities'] = {
		server: createServerCapability({ config, knex: database.knex, dialect: database.dialect, redis, storage, version: kernelVersion, serviceId: randomUUID() }),
		schema: createSchemaCapability({ knex: database.knex, dialect: database.dialect, store: schema, bus }, permissions),
		items: createItemsCapability(engine),
		files: createFilesCapability({ engine, storage, config }),
		graphql,
		...flows.capabilities,
		auth: createAuthCapability({ knex: database.knex, config, authenticator, mailer, attempts, logger, bus }),
		hash: createHashCapability(),
		metrics: metrics.capability,
		shares: createSharesCapability({ knex: database.knex, secret: config.secret, accessTokenTtlMs: config.auth.accessTokenTtlMs }),
	};
	// Before the extensions load: the GraphQL extension finds its subscriptions on the graphql capability.
	const realtime = createRealtime({
		config: config.realtime,
		database: config.database,
		listener: server.listener,
		bus,
		engine,
		schema,
		permissions,
		auth: { authenticate: (request) => authenticate(request), auth: trustedCapabilities.auth! },
		graphql,
		redis,
		logger,
	});
	const extensions = new ExtensionHost({
		extensionsPath: config.extensions.path,
		kernelVersion,
		logger,
		bus,
		sandbox: {
			limits: config.extensions.sandbox,
			allowPrivateNetwork: config.extensions.sandbox.allowPrivateNetwork,
			env: config.env,
		},
		trustedCapabilities,
		settings: () => extensionSettings(database.knex),
	});
	const registryUrl = config.registry.url;
	const installer = registryUrl
		? new RegistryInstaller({
				config: { ...config.registry, url: registryUrl },
				extensionsPath: config.extensions.path,
				knex: database.knex,
				kernelVersion,
				logger,
				reload: () => extensions.loadAll(),
				announce: invalidations ? () => invalidations.publish('extensions') : undefined,
			})
		: undefined;
	trustedCapabilities.extensions = createExtensionsCapability(
		extensions,
		database.knex,
		installer,
		invalidations ? () => invalidations.publish('extensions') : undefined,
	);
	// An instance joining late fetches (and verifies) what the others installed from the registry.
	await (installer ? installer.sync() : extensions.loadAll());
	invalidations?.on(
		'extensions',
		() => void (installer ? installer.sync() : extensions.loadAll()).catch((error: unknown) => logger.warn({ err: error }, 'could not reload extensions')),
	);
	await flows.runtime.start();
	await extensions.init('app.before');
	metrics.observe(server);
	const primaryOf = async (collection: string) => (await (await engine.service(collection, null)).info()).primary;
	const authenticate = allowShareTokens(allowMetricsTokens(authenticator.authenticate, metrics.capability), {
		knex: database.knex,
		secret: config.secret,
		primaryOf,
	});
	server.route(dispatcherRoute(extensions, { authenticate, maxPayloadBytes: config.maxPayloadBytes, cache, gate: authRateLimit }));
	registerStudio(server, extensions);

	let stopping: Promise<void> | undefined;
	return {
		config,
		logger,
		database,
		server,
		extensions,
		schema,
		bus,
		authenticator,
		mailer,
		engine,
		permissions,
		invalidations,
		storage,
		flows: flows.runtime,
		realtime,
		get url() {
			return `http://${server.info.host === '0.0.0.0' ? '127.0.0.1' : server.info.host}:${server.info.port}`;
		},
		async start() {
			await server.start();
			realtime.start();
			await extensions.init('app.after');
			bus.action('server.start', { port: server.info.port }, null);
		},
		stop() {
			stopping ??= (async () => {
				bus.action('server.stop', {}, null);
				// Open sockets would hold the listener's close until the timeout: they are told to go first.
				await realtime.stop();
				await server.stop({ timeout: config.shutdownTimeoutMs });
				await flows.runtime.stop();
				await extensions.stop();
				mailer.close();
				await invalidations?.stop();
				await Promise.allSettled([database.close(), redis?.status === 'ready' ? redis.quit() : redis?.disconnect()]);
			})();
			return stopping;
		},
	};
}

/** Changes to these change which flows run and how. */
const flowCollections = new Set(['directus_flows', 'directus_operations']);

/** Changes to these alter who may do what: cached permissions and accountabilities are dropped. */
const accessCollections = new Set(['directus_permissions', 'directus_policies', 'directus_access', 'directus_roles', 'directus_users']);

async function connectRedis(url: string, logger: Logger): Promise<Redis> {
	const { Redis } = await import('ioredis');
	// Commands fail fast while Redis is away instead of queueing forever; health reports it.
	const redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: false });
	// Reconnection attempts repeat every few seconds while Redis is away: one line each at debug,
	// since /server/health is where an operator looks.
	redis.on('error', (error: Error) => logger.debug({ err: error }, 'redis connection error'));
	return redis;
}
