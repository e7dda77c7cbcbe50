import http from 'node:http';

/** oidc-provider ships no type declarations; the little used here is typed at the call sites. */
type OidcProvider = any;
const oidcModule = 'oidc-provider';

export interface TestOidcProvider {
	issuer: string;
	close(): Promise<void>;
}

export interface TestOidcOptions {
	port: number;
	client: { client_id: string; client_secret: string; redirect_uris: string[] };
	account: { sub: string; email: string; given_name?: string; family_name?: string };
}

/**
 * A real OpenID provider (oidc-provider) whose interactions need no person: every login prompt
 * logs in the one test account and every consent prompt grants what was asked, then hands back
 * to the provider, which redirects on as after a real form submission.
 */
export async function startOidcProvider({ port, client, account }: TestOidcOptions): Promise<TestOidcProvider> {
	const issuer = `http://127.0.0.1:${port}`;
	const { default: Provider } = (await import(oidcModule)) as { default: new (issuer: string, configuration: object) => OidcProvider };
	const provider: OidcProvider = new Provider(issuer, {
		clients: [{ ...client, token_endpoint_auth_method: 'client_secret_post', grant_types: ['authorization_code'], response_types: ['code'] }],
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['given_name', 'family_name'] },
		features: { devInteractions: { enabled: false } },
		interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/interaction/${interaction.uid}` },
		cookies: { keys: ['test-oidc-cookie-key-0123456789'] },
		ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
		findAccount: async (_ctx: unknown, id: string) =>
			id === account.sub ? { accountId: id, claims: async () => ({ ...account, email_verified: true }) } : undefined,
	});
	const handle = provider.callback() as http.RequestListener;
	const server = http.createServer((req, res) => {
		if (!req.url?.startsWith('/interaction/')) return void handle(req, res);
		void (async () => {
			const details = await provider.interactionDetails(req, res);
			const prompt = details.prompt as { name: string; details: Record<string, unknown> };
			if (prompt.name === 'login') {
				await provider.interactionFinished(req, res, { login: { accountId: account.sub } }, { mergeWithLastSubmission: false });
				return;
			}
			const grant = details.grantId
				? (await provider.Grant.find(details.grantId))!
				: new provider.Grant({ accountId: details.session!.accountId, clientId: details.params.client_id as string });
			const missingScope = prompt.details.missingOIDCScope as string[] | undefined;
			const missingClaims = prompt.details.missingOIDCClaims as string[] | undefined;
			if (missingScope) grant.addOIDCScope(missingScope.join(' '));
			if (missingClaims) grant.addOIDCClaims(missingClaims);
			await provider.interactionFinished(req, res, { consent: { grantId: await grant.save() } }, { mergeWithLastSubmission: true });
		})().catch((error: unknown) => {
			res.statusCode = 500;
			res.end(String(error));
		});
	});
	await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
	return { issuer, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Cookies by name, as a browser would keep them across redirects on one host (paths ignored). */
export class CookieJar {
	private readonly cookies = new Map<string, string>();

	store(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair, ...attributes] = line.split(';');
			const index = pair!.indexOf('=');
			const name = pair!.slice(0, index).trim();
			const value = pair!.slice(index + 1).trim();
			const expired =
				attributes.some((a) => /^\s*max-age=0\s*$/i.test(a)) ||
				attributes.some((a) => /^\s*expires=/i.test(a) && new Date(a.split('=')[1]!).getTime() < Date.now());
			if (expired || value === '') this.cookies.delete(name);
			else this.cookies.set(name, value);
		}
	}

	get(name: string): string | undefined {
		return this.cookies.get(name);
	}

	header(): string {
		return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
	}
}
