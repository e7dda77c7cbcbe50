import Joi from 'joi';

/** How flows run: which variables `$env` may show, how the queue retries, what a request may reach. */
export interface FlowsConfig {
	/** Only these variables appear in a run's `$env`. */
	envAllowList: string[];
	/** Runs taken at once by one instance's worker. */
	concurrency: number;
	/** Tries per queued run (1: no retry) and the base of the exponential backoff between them. */
	attempts: number;
	backoffMs: number;
	/** With Redis: how long a worker holds a run before others may take it over (after a crash). */
	lockDurationMs: number;
	/** Operations one run may pass through before it is stopped: a loop in the links ends there. */
	maxSteps: number;
	/** Flows triggering flows nest at most this deep. */
	maxDepth: number;
	/** Let the request-URL operation reach loopback and private addresses. */
	requestAllowPrivateNetwork: boolean;
	/** The BullMQ queue on the shared Redis: instances of one deployment share it, other deployments need their own. */
	queueName: string;
}

const count = (min: number) => Joi.number().integer().min(min).messages({ 'number.base': '{{#label}} must be a whole number' });
const flag = Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '');

/** The FLOWS_* variables, merged into the environment schema. */
export const flowsVariables = {
	FLOWS_ENV_ALLOW_LIST: Joi.string().allow('').default(''),
	FLOWS_QUEUE_CONCURRENCY: count(1).default(5),
	FLOWS_QUEUE_ATTEMPTS: count(1).default(1),
	FLOWS_QUEUE_BACKOFF: count(0).default(1000),
	FLOWS_QUEUE_LOCK_DURATION: count(500).default(30_000),
	FLOWS_MAX_STEPS: count(1).default(1000),
	FLOWS_MAX_DEPTH: count(1).default(10),
	FLOWS_REQUEST_ALLOW_PRIVATE_NETWORK: flag.default(false),
	FLOWS_QUEUE_NAME: Joi.string()
		.pattern(/^[\w.-]+$/)
		.default('mantle-flows')
		.messages({ 'string.pattern.base': '{{#label}} must be letters, digits, dots, dashes or underscores' }),
};

export function flowsConfig(v: Record<string, unknown>): FlowsConfig {
	return {
		envAllowList: String(v.FLOWS_ENV_ALLOW_LIST ?? '')
			.split(',')
			.map((key) => key.trim())
			.filter(Boolean),
		concurrency: Number(v.FLOWS_QUEUE_CONCURRENCY),
		attempts: Number(v.FLOWS_QUEUE_ATTEMPTS),
		backoffMs: Number(v.FLOWS_QUEUE_BACKOFF),
		lockDurationMs: Number(v.FLOWS_QUEUE_LOCK_DURATION),
		maxSteps: Number(v.FLOWS_MAX_STEPS),
		maxDepth: Number(v.FLOWS_MAX_DEPTH),
		requestAllowPrivateNetwork: Boolean(v.FLOWS_REQUEST_ALLOW_PRIVATE_NETWORK),
		queueName: String(v.FLOWS_QUEUE_NAME),
	};
}
