import type { Accountability } from './accountability.js';

/** `/server/info`: what a caller may know about this instance; more for admins. */
export interface ServerInfo {
	project: Record<string, unknown>;
	version?: string;
	node?: { version: string; uptime: number };
	os?: { type: string; version: string; uptime: number; totalmem: number };
	database?: { vendor: string; version: string };
	queryLimit?: { default: number; max: number };
}

export type HealthStatus = 'ok' | 'warn' | 'error';

export interface HealthCheck {
	status: HealthStatus;
	componentType: 'datastore' | 'cache' | 'objectstore';
	observedUnit?: 'ms';
	observedValue?: number;
	threshold?: number;
	output?: string;
}

/** The `application/health+json` report; `checks` only for admins. */
export interface HealthReport {
	status: HealthStatus;
	releaseId?: string;
	serviceId?: string;
	checks?: Record<string, HealthCheck[]>;
}

/** The kernel's own state, offered to trusted (first-party or admin-trusted) extensions. */
export interface ServerCapability {
	info(accountability: Accountability): Promise<ServerInfo>;
	health(accountability: Accountability): Promise<HealthReport>;
}
