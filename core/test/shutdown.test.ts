import { cpSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { vendorTest } from './helpers/vendor-test.js';
import { exited, freePort, startCli } from './helpers/cli.js';
import { eventually } from './helpers/wait.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');

vendorTest('mantle start bootstraps, prints the admin login and URL, and SIGTERM lets a slow request finish', async (t, db) => {
	const cwd = mkdtempSync(path.join(os.tmpdir(), 'mantle-start-'));
	cpSync(path.join(fixtures, 'echo'), path.join(cwd, 'data/extensions/echo'), { recursive: true });
	const port = await freePort();
	const { child, url, output } = await startCli({ cwd, env: { ...db.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info' } });
	try {
		t.is(url, `http://localhost:${port}`);
		t.regex(output(), /Created the first admin: admin@example\.com/);
		t.regex(output(), /generated password \(shown once.*\): \S{24}/);
		t.is(await (await fetch(`http://127.0.0.1:${port}/server/ping`)).text(), 'pong');

		const slow = fetch(`http://127.0.0.1:${port}/echo/slow?ms=1500`);
		t.true(await eventually(() => output().includes('echo is sleeping')), 'the slow request reached its handler');
		child.kill('SIGTERM');
		const response = await slow;
		t.is(response.status, 200);
		t.deepEqual(await response.json(), { slept: 1500 });
		t.is(await exited(child), 0);
		await t.throwsAsync(fetch(`http://127.0.0.1:${port}/server/ping`), undefined, 'no longer accepting');
	} finally {
		child.kill('SIGKILL');
	}
});
