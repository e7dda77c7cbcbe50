import test from 'ava';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from './helpers/databases.js';
import { adminToken, startKernel, type RunningKernel } from './helpers/kernel.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');

/** The response line is written once the answer has gone out, which may be after the client has it. */
async function responseLine(running: RunningKernel, matches: (line: Record<string, unknown>) => boolean) {
	const deadline = Date.now() + 10_000;
	for (;;) {
		const line = running.logs.find((entry) => entry.msg === 'request completed' && matches(entry));
		if (line || Date.now() > deadline) return line;
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

const urlOf = (line: Record<string, unknown>) => String((line.req as { url?: unknown } | undefined)?.url);

test('each answered request is one log line with its request id, method, redacted URL, status and time; pings are not logged', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		cpSync(path.join(fixtures, 'echo'), path.join(running.kernel.config.extensions.path, 'echo'), { recursive: true });
		await running.kernel.extensions.loadAll();
		t.is((await fetch(`${running.url}/server/ping`)).status, 200);
		t.is((await fetch(`${running.url}/echo/log?access_token=${adminToken}&colour=green`)).status, 204);
		t.is((await fetch(`${running.url}/echo/forbidden`)).status, 403);

		const logged = await responseLine(running, (line) => urlOf(line).startsWith('/echo/log'));
		t.truthy(logged, 'the request is logged');
		t.is(urlOf(logged!), '/echo/log?access_token=[redacted]&colour=green', 'the token in the query is not');
		t.like(logged, { req: { method: 'GET' }, res: { statusCode: 204 } });
		t.is(typeof logged!.responseTime, 'number');
		const extensionLine = running.logs.find((line) => line.msg === 'echo says hello');
		t.is(logged!.requestId, extensionLine?.requestId, 'the extension wrote for the same request');

		const refused = await responseLine(running, (line) => urlOf(line) === '/echo/forbidden');
		t.like(refused, { res: { statusCode: 403 } });
		t.not(refused!.requestId, logged!.requestId);

		t.false(
			running.logs.some((line) => urlOf(line) === '/server/ping'),
			'liveness probes stay out of the log',
		);
		t.false(JSON.stringify(running.logs).includes(adminToken));
	} finally {
		await running.stop();
		await db.drop();
	}
});
