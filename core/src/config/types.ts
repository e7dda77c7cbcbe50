import type { FlowsConfig } from './flows.js';
import type { RegistryClientConfig } from './registry.js';
import type { GraphqlConfig } from './graphql.js';
import type { MetricsConfig } from './metrics.js';
import type { CacheConfig } from './cache.js';
import type { RealtimeConfig } from './realtime.js';
import type { AbuseConfig } from './abuse.js';
import type { databaseClients } from './schema.js';

export type DatabaseClient = (typeof databaseClients)[number];

export interface DatabaseConfig {
	client: DatabaseClient;
	/** Absolute path of the SQLite file. */
	filename: string;
	connectionString?: string;
	host?: string;
	port?: number;
	database?: string;
	user?: string;
	password?: string;
	/** Schemas Mantle sees, in search order (PostgreSQL); unset: the server's own search path. */
	searchPath?: string[];
	pool: { min?: number; max?: number };
	/** How long SQLite waits for a lock before failing, in milliseconds. */
	busyTimeout: number;
	/** SQLite: threads that run slow reads off the event loop, each with its own connection (0: none). */
	readThreads: number;
}

export interface StorageLocationConfig {
	name: string;
	driver: string;
	/** Every `STORAGE_<NAME>_<KEY>` variable, keyed by `<KEY>` in lower camel case. */
	options: Record<string, string>;
}

export interface Config {
	port: number;
	host: string;
	publicUrl: string;
	secret: string;
	/** True when no SECRET was configured and one was made up for this process. */
	secretGenerated: boolean;
	database: DatabaseConfig;
	redis?: string;
	cacheEnabled: boolean;
	/** The data cache of item reads (CACHE_*). */
	cache: CacheConfig;
	storage: { locations: StorageLocationConfig[] };
	files: {
		/** Largest accepted upload in bytes; unset: no limit beyond the store's own. */
		maxUploadBytes?: number;
		/** MIME patterns an upload must match, such as `image/png` or `image` with a `*` subtype; the default matches every type. */
		mimeTypeAllowList: string[];
		/** Whether importing a file by URL may reach loopback and private-range addresses. */
		importAllowPrivateNetwork: boolean;
	};
	assets: {
		/** How long clients may cache an asset (`Cache-Control: max-age`), in seconds. */
		cacheTtlSeconds: number;
		/** Image transformations running at once; a request for another one is refused with 503 until one ends. */
		transformMaxConcurrent: number;
		/** Widest or tallest image, source or requested, that is transformed, in pixels. */
		maxDimension: number;
		/** A transformation running longer than this is abandoned, in milliseconds. */
		transformTimeoutMs: number;
	};
	extensions: {
		path: string;
		registry?: string;
		/** Limits of each sandboxed extension: heap in MiB, wall-clock per call in ms, crashes before it is failed. */
		sandbox: { memoryMb: number; timeoutMs: number; maxCrashes: number; allowPrivateNetwork: boolean };
	};
	admin: { email?: string; password?: string; token?: string };
	/** Rows a list answers with by default, and the most one query may ask for (`-1`: no cap). */
	query: { defaultLimit: number; maxLimit: number; maxDepth: number };
	logLevel: string;
	maxPayloadBytes: number;
	shutdownTimeoutMs: number;
	/** Growth of the JavaScript heap past its live data that `mantle start` allows, in percent (0: V8 decides). */
	heapGrowthPercent: number;
	/** Health checks slower than this report `warn`, in milliseconds. */
	healthcheckThresholdMs: number;
	/** A health check with no answer by then reports `error`, in milliseconds. */
	healthcheckTimeoutMs: number;
	/** The validated environment, for extensions' allow-listed `env` access. */
	env: Readonly<Record<string, string>>;
	auth: AuthConfig;
	email: EmailConfig;
	rateLimiter: RateLimiterConfig;
	/** Filter cost, login lockout and the `/auth/*` request budget. */
	abuse: AbuseConfig;
	flows: FlowsConfig;
	/** Where registry installs come from, and whose signatures they need. */
	registry: RegistryClientConfig;
	graphql: GraphqlConfig;
	/** `/websocket` and GraphQL subscriptions (WEBSOCKETS_*). */
	realtime: RealtimeConfig;
	metrics: MetricsConfig;
}

export interface CookieConfig {
	name: string;
	secure: boolean;
	sameSite: 'lax' | 'strict' | 'none';
	domain?: string;
}

/** One `AUTH_<NAME>_*` group: an external identity provider. */
export interface AuthProviderConfig {
	name: string;
	driver: 'openid' | 'oauth2';
	clientId: string;
	clientSecret?: string;
	issuerUrl?: string;
	authorizeUrl?: string;
	accessUrl?: string;
	profileUrl?: string;
	scope: string;
	/** The profile claim that identifies the user at the provider (stored as `external_identifier`). */
	identifierKey: string;
	emailKey: string;
	firstNameKey?: string;
	lastNameKey?: string;
	defaultRoleId?: string;
	allowPublicRegistration: boolean;
	redirectAllowList: string[];
	label: string;
	icon: string;
	/** Plain-http provider endpoints (development providers only). */
	allowInsecureRequests: boolean;
}

export interface AuthConfig {
	accessTokenTtlMs: number;
	refreshTokenTtlMs: number;
	/** How long a just-rotated refresh token still yields its successor (two tabs refreshing at once); 0 turns it off. */
	refreshReuseGraceMs: number;
	refreshCookie: CookieConfig;
	sessionCookie: CookieConfig & { ttlMs: number };
	/** Failed logins in a row that suspend a user; 0 never suspends. */
	loginAttempts: number;
	passwordResetUrlAllowList: string[];
	inviteUrlAllowList: string[];
	providers: AuthProviderConfig[];
}

export interface EmailConfig {
	transport: 'smtp' | 'sendmail';
	from: string;
	smtp: { host?: string; port: number; user?: string; password?: string; secure: boolean; ignoreTls: boolean };
}

export interface RateLimiterConfig {
	enabled: boolean;
	points: number;
	durationSeconds: number;
	store: 'memory' | 'redis';
	keyPrefix: string;
}
