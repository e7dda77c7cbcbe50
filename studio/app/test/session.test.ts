import { randomUUID } from 'node:crypto';
import { api } from '../../../core/test/helpers/http.js';
import { freePort } from '../../../core/test/helpers/cli.js';
import { startOidcProvider, type TestOidcProvider } from '../../../core/test/helpers/oidc.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

const [mantlePort, providerPort] = [await freePort(), await freePort()];
const mantleUrl = `http://127.0.0.1:${mantlePort}`;
const role = randomUUID();
let provider: TestOidcProvider | undefined;

studioTest(
	'the login page has a button per configured SSO provider, and signing in through it lands in the Studio',
	async ({ t, page, open }) => {
		try {
			await open('/login');
			const button = page.getByRole('link', { name: 'Log in with Company SSO' });
			await button.waitFor();
			const href = new URL((await button.getAttribute('href'))!, mantleUrl);
			t.is(href.pathname, '/auth/login/company');
			t.is(href.searchParams.get('redirect'), `${mantleUrl}/admin/content`);
			t.is(await page.getByRole('link', { name: /Log in with/ }).count(), 1, 'one button per provider');

			await button.click();
			await page.getByRole('navigation', { name: 'Modules' }).waitFor();
			t.regex(page.url(), /\/admin\/content$/);
			const users = (await api(mantleUrl, 'GET', '/users?filter[email][_eq]=ada@example.org&fields=role,provider')).body.data;
			t.like(users[0], { role, provider: 'company' }, 'the provider’s user was registered with the default role');
		} finally {
			await provider?.close();
		}
	},
	{
		env: {
			PORT: String(mantlePort),
			PUBLIC_URL: mantleUrl,
			AUTH_PROVIDERS: 'company',
			AUTH_COMPANY_DRIVER: 'openid',
			AUTH_COMPANY_CLIENT_ID: 'mantle',
			AUTH_COMPANY_CLIENT_SECRET: 'mantle-client-secret',
			AUTH_COMPANY_ISSUER_URL: `http://127.0.0.1:${providerPort}`,
			AUTH_COMPANY_ALLOW_INSECURE_REQUESTS: 'true',
			AUTH_COMPANY_DEFAULT_ROLE_ID: role,
			AUTH_COMPANY_ALLOW_PUBLIC_REGISTRATION: 'true',
			AUTH_COMPANY_REDIRECT_ALLOW_LIST: `${mantleUrl}/admin/content`,
			AUTH_COMPANY_LABEL: 'Company SSO',
		},
		seed: async (url) => {
			provider = await startOidcProvider({
				port: providerPort,
				client: { client_id: 'mantle', client_secret: 'mantle-client-secret', redirect_uris: [`${mantleUrl}/auth/login/company/callback`] },
				account: { sub: 'ada-1815', email: 'ada@example.org', given_name: 'Ada', family_name: 'Lovelace' },
			});
			const created = await api(url, 'POST', '/roles', { id: role, name: 'SSO users' });
			if (created.status !== 200) throw new Error(`POST /roles: ${created.status} ${JSON.stringify(created.body)}`);
		},
	},
);

// Short, so the test sees several refreshes; long enough that a loaded machine answers within the refresh margin (a quarter).
const ttlMs = 8000;

studioTest(
	'the session is refreshed before the access token expires: the user stays in, with no error and no failed request',
	async ({ t, page, login, open }) => {
		await login();
		const failed: string[] = [];
		page.on('response', (response) => {
			if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
		});
		const signedInAt = Date.now();
		// Wait for the refreshes themselves, until the first token is long past its life.
		let refreshes = 0;
		while (Date.now() - signedInAt < 2.5 * ttlMs) {
			const response = await page.waitForResponse((candidate) => candidate.url().endsWith('/auth/refresh'), { timeout: 4 * ttlMs });
			t.is(response.status(), 200, 'each refresh succeeds');
			refreshes += 1;
		}
		t.true(refreshes >= 2, `refreshed ${refreshes} times`);

		await page.getByRole('navigation', { name: 'Collections' }).getByRole('link', { name: 'Authors' }).click();
		await page.getByRole('table', { name: 'Authors items' }).getByText('Grace Hopper').waitFor();
		await open('/content/articles');
		await page.getByRole('table', { name: 'Articles items' }).locator('tbody tr').first().waitFor();
		t.regex(page.url(), /\/admin\/content\/articles$/, 'a reload keeps the session too');
		t.is(await page.locator('.toast-error').count(), 0, 'no error toast');
		t.deepEqual(failed, [], 'no request failed, not even one retried after a refresh');
	},
	{ env: { ACCESS_TOKEN_TTL: `${ttlMs}ms` }, seed: (url) => seedBlog(url, { articles: 3 }) },
);
