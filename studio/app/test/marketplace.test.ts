import { existsSync } from 'node:fs';
import path from 'node:path';
import test from 'ava';
import { api } from '../../../core/test/helpers/http.js';
import { publishExtension, registryEnv, startRegistry } from '../../../core/test/helpers/registry.js';
import type { RunningRegistry } from '../../../registry/test/helpers.js';
import { dropExtension } from './helpers/extension-folder.js';
import { studioTest } from './helpers/studio.js';

const name = 'mantle-extension-greet';

// A real registry on loopback, holding one sandboxed endpoint that asks to write to the log; the
// kernel's environment is filled in once the registry has a port (ava declares tests synchronously).
let registry: RunningRegistry;
const env: Record<string, string> = {};
test.before(async () => {
	registry = await startRegistry();
	await publishExtension(registry, { name, version: '1.0.0', answer: 'one', requestedScopes: { log: {} } });
	await publishExtension(registry, { name: 'mantle-extension-future', version: '1.0.0', answer: 'later', host: '^9.0.0' });
	// The README as an author might write it, script included: the registry's sanitiser is what the page shows.
	await registry.registry
		.knex('registry_versions')
		.where({ name, version: '1.0.0' })
		.update({ readme: '# Greet\n\nSays **hello** to whoever asks.\n\n<script>window.pwned = true</script>' });
	Object.assign(env, registryEnv(registry));
});
test.after.always(() => registry?.stop());

studioTest(
	'an admin installs an extension from the registry through the marketplace, grants its scopes, uses it, updates, downgrades, disables, trusts and uninstalls it',
	async ({ t, page, login, open, running, db }) => {
		page.on('dialog', (dialog) => void dialog.accept());
		/** What the extension's endpoint answers the signed-in page, or the error code. */
		const answer = () =>
			page.evaluate(async () => {
				const response = await fetch('/greet/', { credentials: 'same-origin' });
				const body = await response.json();
				return response.ok ? body.answer : body.errors[0].extensions.code;
			});
		await login();
		await open('/settings/marketplace');
		const cards = page.getByRole('list', { name: 'Extensions' });
		await cards.getByRole('link', { name }).waitFor();
		t.is(await cards.getByRole('link', { name: 'mantle-extension-future' }).count(), 0, 'an extension for another Mantle is hidden by default');
		await page.getByLabel(/^Only for this Mantle/).uncheck();
		await cards.getByRole('link', { name: 'mantle-extension-future' }).waitFor();
		await page.getByLabel(/^Only for this Mantle/).check();
		await page.getByLabel('Type').selectOption('endpoint');
		await page.getByLabel('Search extensions').fill('greet');
		await page.getByRole('button', { name: 'Search' }).click();
		const listed = page.getByRole('list', { name: 'Extensions' }).getByRole('listitem');
		await listed.getByRole('link', { name }).waitFor();
		t.is(await listed.count(), 1);
		t.regex(await listed.innerText(), /v1\.0\.0 · ada/);

		await listed.getByRole('link', { name }).click();
		await page.getByRole('heading', { name }).waitFor();
		t.regex(await page.getByRole('list', { name: 'Requested scopes' }).innerText(), /Write to the server log \(log\)/);
		t.is(await page.locator('.readme strong').innerText(), 'hello', 'the readme is shown as HTML');
		t.is(await page.locator('.readme script').count(), 0, 'without its script');
		t.is(await page.evaluate(() => (window as { pwned?: boolean }).pwned), undefined);
		t.is(await page.getByTestId('installed-version').innerText(), 'Not installed');

		await page.getByRole('button', { name: 'Install', exact: true }).click();
		const confirm = page.getByRole('dialog', { name: `Install ${name} 1.0.0` });
		t.regex(await confirm.getByRole('list', { name: 'Scopes to grant' }).innerText(), /log/);
		await confirm.getByRole('button', { name: 'Install and grant these scopes' }).click();
		await page.getByText('Installed 1.0.0.').waitFor();
		await page.locator('.badge.state-loaded').waitFor();
		t.is(await page.getByTestId('installed-version').innerText(), '1.0.0');
		t.is(await answer(), 'one', 'the extension answers without a restart');

		// A new version asking for more: the page offers the update and shows the new scopes before granting.
		await publishExtension(registry, { name, version: '1.1.0', answer: 'two', requestedScopes: { log: {}, sleep: {} } });
		await page.reload();
		await page.getByRole('button', { name: 'Update to 1.1.0' }).click();
		const update = page.getByRole('dialog', { name: `Install ${name} 1.1.0` });
		t.regex(await update.getByRole('list', { name: 'Scopes to grant' }).innerText(), /Wait \(sleep\)/);
		await update.getByRole('button', { name: 'Install and grant these scopes' }).click();
		await page.getByText('Installed 1.1.0.').waitFor();
		t.is(await page.getByTestId('installed-version').innerText(), '1.1.0');
		t.is(await answer(), 'two');

		await page
			.getByRole('row', { name: /^1\.0\.0/ })
			.getByRole('button', { name: 'Switch to 1.0.0' })
			.click();
		await page
			.getByRole('dialog', { name: `Install ${name} 1.0.0` })
			.getByRole('button', { name: 'Install and grant these scopes' })
			.click();
		await page.getByText('Installed 1.0.0.').waitFor();
		t.is(await answer(), 'one', 'downgraded');

		await page.getByRole('button', { name: 'Disable' }).click();
		await page.getByText('Extension disabled.').waitFor();
		t.is(await answer(), 'ROUTE_NOT_FOUND');
		await page.getByRole('button', { name: 'Enable' }).click();
		await page.getByText('Extension enabled.').waitFor();
		t.is(await answer(), 'one');

		// Trusted: the admin confirms, and it runs in the server process from then on.
		await page.getByRole('button', { name: 'Mark trusted' }).click();
		await page.getByText('Extension marked trusted.').waitFor();
		t.regex(await page.locator('.badge.state-loaded').innerText(), /trusted/);
		t.is(await answer(), 'one');
		t.true(Boolean((await db.knex('mantle_extensions').where({ folder: name }).first('trusted')).trusted));

		await page.getByRole('link', { name: 'Installed extensions' }).click();
		const row = page.getByRole('table', { name: 'Installed extensions' }).locator(`tr[data-extension="${name}"]`);
		t.regex(await row.innerText(), /1\.0\.0\s+endpoint\s+Registry\s+Running · trusted/);

		await row.getByRole('link', { name }).click();
		await page.getByRole('button', { name: 'Uninstall' }).click();
		await page.getByText('Extension uninstalled.').waitFor();
		t.is(await page.getByTestId('installed-version').innerText(), 'Not installed');
		t.is(await answer(), 'ROUTE_NOT_FOUND');
		t.false(existsSync(path.join(running.kernel.config.extensions.path, name)), 'no file is left');
		t.is((await db.knex('mantle_extensions').where({ folder: name })).length, 0, 'no row is left');
	},
	{ env },
);

studioTest('the installed list shows each extension with its source and state, and why one failed to load', async ({ t, page, login, open, running, url }) => {
	dropExtension(running.kernel.config.extensions.path, {
		name: 'mantle-endpoint-broken',
		version: '0.0.1',
		manifest: { type: 'endpoint' },
		dist: { 'index.js': `throw new Error('broken on purpose at load');\n` },
	});
	t.is((await api(url, 'POST', '/extensions/reload')).status, 200);

	await login();
	await open('/settings/extensions');
	const table = page.getByRole('table', { name: 'Installed extensions' });
	const broken = table.locator('tr[data-extension="mantle-endpoint-broken"]');
	await broken.waitFor();
	t.regex(await broken.innerText(), /0\.0\.1\s+endpoint\s+Extensions folder\s+Failed to load/);
	t.regex(await broken.locator('.extension-error').innerText(), /broken on purpose at load/);
	t.regex(await table.locator('tr[data-extension="@mantle/extension-items"]').innerText(), /Mantle\s+Running/);
});
