import test from 'ava';
import { createTestDatabase } from '../helpers/databases.js';
import { adminToken, startKernel } from '../helpers/kernel.js';
import { eventually } from '../helpers/wait.js';

// The request log writes each URL with its query token redacted. The query parser decodes the
// parameter's name, so every spelling the kernel accepts as `access_token` must be redacted too,
// or a client that percent-encodes names leaves working tokens in the logs.

const urlOf = (line: Record<string, unknown>) => String((line.req as { url?: unknown } | undefined)?.url);

test('a query token is redacted from the request log however its name is percent-encoded', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		for (const name of ['access_token', 'access%5Ftoken', '%61ccess_token', 'access%5ftoken']) {
			const path = `/users/me?fields=id&${name}=${adminToken}&probe=${encodeURIComponent(name)}`;
			t.is((await fetch(`${running.url}${path}`)).status, 200, `${name} signs in`);
			const logged = await eventually(() =>
				running.logs.some((line) => line.msg === 'request completed' && urlOf(line).includes(`probe=${encodeURIComponent(name)}`)),
			);
			t.true(logged, `${name}: the request is logged`);
		}
		const leaked = running.logs.filter((line) => JSON.stringify(line).includes(adminToken)).map(urlOf);
		t.deepEqual(leaked, [], 'no line repeats the token');
	} finally {
		await running.stop();
		await db.drop();
	}
});
