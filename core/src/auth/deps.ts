import type { Knex } from 'knex';
import type { Logger } from 'pino';
import type { Config } from '../config/index.js';
import { createError } from '../errors/index.js';
import type { Mailer } from '../mail/mailer.js';
import type { EventBus } from '../events/bus.js';
import type { Authenticator } from './accountability.js';
import type { LoginAttempts } from './login-attempts.js';

/** What the auth operations work with; built once by the kernel. */
export interface AuthDeps {
	knex: Knex;
	config: Config;
	authenticator: Authenticator;
	mailer: Mailer;
	attempts: LoginAttempts;
	logger: Logger;
	/** `auth.login` filter and action hooks. */
	bus?: EventBus;
}

/** A value from a request body that must be a non-empty string; INVALID_PAYLOAD names it otherwise. */
export function requiredString(value: unknown, name: string): string {
	if (typeof value !== 'string' || value === '') throw createError('fieldRequired', { field: name });
	return value;
}
