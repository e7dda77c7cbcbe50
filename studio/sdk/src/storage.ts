/** What the client remembers of a sign-in. `expires_at` is a epoch time in milliseconds. */
export interface AuthData {
	access_token: string | null;
	refresh_token: string | null;
	expires: number | null;
	expires_at: number | null;
}

/** Where the client keeps its sign-in: memory by default, or any store (localStorage, a file). */
export interface AuthStorage {
	get(): AuthData | null | Promise<AuthData | null>;
	set(value: AuthData | null): void | Promise<void>;
}

export const memoryStorage = (): AuthStorage => {
	let value: AuthData | null = null;
	return { get: () => value, set: (next) => void (value = next) };
};

/** A Web Storage (localStorage, sessionStorage) under one key. */
export const webStorage = (store: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>, key = 'mantle_auth'): AuthStorage => ({
	get() {
		try {
			// An absent key parses as null; an unreadable one is no sign-in either.
			return JSON.parse(store.getItem(key)!) as AuthData | null;
		} catch {
			return null;
		}
	},
	set: (value) => (value ? store.setItem(key, JSON.stringify(value)) : store.removeItem(key)),
});
