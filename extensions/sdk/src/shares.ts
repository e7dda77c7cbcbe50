import type { AuthRequestContext } from './auth.js';

/** What a share visitor receives: an access token that reads only the shared item. */
export interface ShareTokens {
	accessToken: string;
	/** Milliseconds, as for a user's login. */
	expires: number;
}

/** Share logins, offered to trusted extensions (the first-party `/shares`). */
export interface SharesCapability {
	/**
	 * Signs a visitor in to a share: checks its password, start and end dates and remaining uses
	 * (counting this one). Anything wrong is INVALID_CREDENTIALS, whatever it was.
	 */
	login(share: unknown, password: unknown, context: AuthRequestContext): Promise<ShareTokens>;
}
