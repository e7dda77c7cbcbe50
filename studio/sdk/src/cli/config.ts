// The CLI's sign-ins, one per profile, in `$XDG_CONFIG_HOME/mantle/credentials.json` (or
// `~/.config/mantle/`). The file holds tokens, so it is written with mode 0600 in a 0700 folder.
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AuthMode } from '../client.js';
import type { AuthData, AuthStorage } from '../storage.js';

export interface Profile {
	url: string;
	mode: AuthMode;
	/** True when signed in with a static token, which is never refreshed. */
	static?: boolean;
	auth: AuthData | null;
}

interface CredentialsFile {
	profiles: Record<string, Profile>;
}

export function configDir(env: NodeJS.ProcessEnv = process.env): string {
	const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
	return path.join(base, 'mantle');
}

export const credentialsPath = (env: NodeJS.ProcessEnv = process.env) => path.join(configDir(env), 'credentials.json');

function readFile(file: string): CredentialsFile {
	if (!existsSync(file)) return { profiles: {} };
	try {
		const parsed = JSON.parse(readFileSync(file, 'utf8')) as CredentialsFile;
		return parsed && typeof parsed.profiles === 'object' ? parsed : { profiles: {} };
	} catch {
		return { profiles: {} };
	}
}

/** Writes beside the file and renames it in, so a crash never leaves half a file; 0600 from the start. */
function writeFile(file: string, content: CredentialsFile): void {
	mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	const staging = `${file}.${process.pid}.tmp`;
	writeFileSync(staging, `${JSON.stringify(content, null, '\t')}\n`, { mode: 0o600 });
	chmodSync(staging, 0o600);
	renameSync(staging, file);
}

export function readProfile(name: string, env: NodeJS.ProcessEnv = process.env): Profile | undefined {
	return readFile(credentialsPath(env)).profiles[name];
}

export function saveProfile(name: string, profile: Profile | null, env: NodeJS.ProcessEnv = process.env): void {
	const file = credentialsPath(env);
	const content = readFile(file);
	if (profile) content.profiles[name] = profile;
	else delete content.profiles[name];
	writeFile(file, content);
}

/** The client's auth storage backed by a profile, so refreshed tokens are saved for the next run. */
export function profileStorage(name: string, env: NodeJS.ProcessEnv = process.env): AuthStorage {
	return {
		get: () => readProfile(name, env)?.auth ?? null,
		set(auth) {
			const profile = readProfile(name, env);
			if (profile) saveProfile(name, { ...profile, auth }, env);
		},
	};
}
