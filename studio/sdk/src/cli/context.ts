import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createClient, type MantleClient } from '../client.js';
import { MantleError } from '../errors.js';
import { profileStorage, readProfile } from './config.js';
import { createOutput, type Output } from './output.js';

/** A mistake in how the CLI was called: exit code 2. */
export class UsageError extends Error {}

/** Not signed in, or the sign-in was refused: exit code 3. */
export class AuthRequiredError extends Error {}

export const globalOptions = {
	json: { type: 'boolean', default: false },
	profile: { type: 'string', default: 'default' },
	help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export interface Context {
	profile: string;
	output: Output;
	/** The signed-in client of the profile. */
	client(): MantleClient;
}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments (with the global ones), refusing unknown options as a usage error. */
export function parse<const O extends Options>(args: string[], options: O) {
	try {
		return parseArgs({ args, options: { ...globalOptions, ...options }, allowPositionals: true, strict: true });
	} catch (error) {
		throw new UsageError((error as Error).message);
	}
}

export function contextFor(values: { json?: boolean; profile?: string }): Context {
	const profile = values.profile ?? 'default';
	return {
		profile,
		output: createOutput(values.json === true),
		client() {
			const saved = readProfile(profile);
			if (!saved?.auth) throw new AuthRequiredError(`Not signed in${profile === 'default' ? '' : ` (profile ${profile})`}: run mantle-client login URL first.`);
			return createClient(saved.url, {
				mode: saved.mode,
				storage: profileStorage(profile),
				autoRefresh: false,
				...(saved.static && saved.auth.access_token ? { token: saved.auth.access_token } : {}),
			});
		},
	};
}

/** A JSON argument (`--data`, `--filter`), refused with a usage error when it does not parse. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the parsed JSON goes straight into a command's typed argument, as the user wrote it
export function jsonArgument(name: string, value: string | undefined): any {
	if (value === undefined) return undefined;
	try {
		return JSON.parse(value);
	} catch {
		throw new UsageError(`--${name} must be JSON, e.g. --${name} '{"status":{"_eq":"published"}}'.`);
	}
}

export function required(value: string | undefined, what: string): string {
	if (value === undefined || value === '') throw new UsageError(`Missing ${what}.`);
	return value;
}

/** The exit code an error means: 2 usage, 3 auth, 4 not found or forbidden, 1 anything else. */
export function exitCodeOf(error: unknown): number {
	if (error instanceof UsageError) return 2;
	if (error instanceof AuthRequiredError) return 3;
	if (error instanceof MantleError) {
		if (error.status === 401 || ['INVALID_CREDENTIALS', 'TOKEN_EXPIRED', 'INVALID_TOKEN', 'INVALID_OTP'].includes(error.code)) return 3;
		if (error.status === 403 || error.status === 404) return 4;
	}
	return 1;
}
