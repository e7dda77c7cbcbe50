import test from 'ava';
import { cpSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from './helpers/databases.js';
import { adminToken, startKernel } from './helpers/kernel.js';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/extensions');

test('every line logged while serving a request carries its request id, and tokens never reach the log', async (t) => {
	const db = await createTestDatabase('sqlite');
	const running = await startKernel(db);
	try {
		cpSync(path.join(fixtures, 'echo'), path.join(running.kernel.config.extensions.path, 'echo'), { recursive: true });
		await running.kernel.extensions.loadAll();
		await fetch(`${running.url}/server/info?access_token=${adminToken}`);
		await fetch(`${running.url}/server/info`, { headers: { authorization: `Bearer ${adminToken}` } });
		await fetch(`${running.url}/echo/crash`);
		await fetch(`${running.url}/echo/log`);

		const requestLines = running.logs.filter((line) => line.res !== undefined || line.err !== undefined || line.extension !== undefined);
		t.true(requestLines.length >= 6, 'four responses, one internal error and one extension line');
		for (const line of requestLines) t.regex(String(line.requestId), /\S+/, JSON.stringify(line));

		const crash = running.logs.find((line) => line.msg === 'request failed');
		t.truthy(crash?.requestId, 'an internal error is logged against its request');
		t.regex(JSON.stringify(crash), /secret_table/, 'the cause is kept for operators');

		const extensionLine = running.logs.find((line) => line.msg === 'echo says hello');
		t.is(extensionLine?.extension, 'echo');
		t.is(extensionLine?.colour, 'green');
		t.truthy(extensionLine?.requestId, 'extension lines name the request they were written for');

		const everything = running.logs.map((line) => JSON.stringify(line)).join('\n');
		t.false(everything.includes(adminToken));
		t.false(everything.includes('must-not-appear'));
		t.false(everything.includes('a-test-secret-that-is-long-enough'));
	} finally {
		await running.stop();
		await db.drop();
	}
});
