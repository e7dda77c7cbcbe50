import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test, { type ExecutionContext } from 'ava';
import { runNode, type CliResult } from '../../../core/test/helpers/cli.js';
import { createCollection, createField, readFieldsByCollection } from '../src/index.js';
import { adminEmail, adminPassword, adminToken, createEchoFlow, until, withServer } from './helpers.js';

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/mantle-client.js');

/** A scratch home for one test: its own config folder, so no test sees another's (or the developer's) sign-in. */
function scratch() {
	const dir = mkdtempSync(path.join(os.tmpdir(), 'mantle-client-'));
	const env = { PATH: process.env.PATH, HOME: dir, XDG_CONFIG_HOME: path.join(dir, 'config') };
	return {
		dir,
		credentials: path.join(dir, 'config', 'mantle', 'credentials.json'),
		run: (args: string[], input?: string): Promise<CliResult> => runNode(bin, args, { cwd: dir, env, input }),
		remove: () => rmSync(dir, { recursive: true, force: true }),
	};
}

async function ok(t: ExecutionContext, result: Promise<CliResult>): Promise<CliResult> {
	const done = await result;
	t.is(done.code, 0, done.stderr);
	return done;
}

const articles = {
	collection: 'articles',
	schema: {},
	meta: {},
	fields: [
		{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
		{ field: 'title', type: 'string', schema: {} },
		{ field: 'views', type: 'integer', schema: {} },
	],
};

test('login keeps the tokens in a 0600 file, items commands work with tables and --json, and the exit codes mean something', async (t) => {
	await withServer(t, {}, async ({ url, admin }) => {
		const cli = scratch();
		try {
			await admin.request(createCollection(articles));
			t.is((await cli.run([])).code, 2, 'no command is a usage error');
			t.is((await cli.run(['items', 'list', 'articles', '--bogus'])).code, 2, 'an unknown option is a usage error');
			const anonymous = await cli.run(['items', 'list', 'articles']);
			t.is(anonymous.code, 3, 'not signed in');
			t.regex(anonymous.stderr, /login/);
			t.is((await cli.run(['login', url, '--email', adminEmail, '--password', 'wrong password'])).code, 3, 'refused credentials');
			t.is((await cli.run(['login', url, '--email', adminEmail])).code, 2, 'no password and no terminal to ask on');

			await ok(t, cli.run(['login', url, '--email', adminEmail, '--password', adminPassword]));
			t.is(statSync(cli.credentials).mode & 0o777, 0o600);
			t.is(statSync(path.dirname(cli.credentials)).mode & 0o777, 0o700);
			const saved = JSON.parse(readFileSync(cli.credentials, 'utf8'));
			t.is(saved.profiles.default.url, url);
			t.truthy(saved.profiles.default.auth.refresh_token);

			const created = JSON.parse(
				(await ok(t, cli.run(['items', 'create', 'articles', '--data', '[{"title":"First","views":1},{"title":"Second","views":9}]', '--json']))).stdout,
			);
			t.is(created.length, 2);
			await ok(t, cli.run(['items', 'create', 'articles', '--json'], '{"title":"Piped","views":4}'));
			const filtered = JSON.parse(
				(await ok(t, cli.run(['items', 'list', 'articles', '--filter', '{"views":{"_gt":3}}', '--sort=-views', '--fields', 'title', '--json']))).stdout,
			);
			t.deepEqual(filtered, [{ title: 'Second' }, { title: 'Piped' }]);
			const human = (await ok(t, cli.run(['items', 'list', 'articles', '--fields', 'id,title', '--sort', 'id']))).stdout.split('\n');
			t.regex(human[0]!, /^id\s+title$/);
			t.regex(human[2]!, /^\d+\s+First$/);

			const first = created[0].id;
			await ok(t, cli.run(['items', 'update', 'articles', String(first), '--data', '{"title":"Renamed"}']));
			t.is(JSON.parse((await ok(t, cli.run(['items', 'get', 'articles', String(first), '--json']))).stdout).title, 'Renamed');
			await ok(t, cli.run(['items', 'delete', 'articles', String(first)]));
			const missing = await cli.run(['items', 'get', 'articles', String(first), '--json']);
			t.is(missing.code, 4, 'not found (or forbidden)');
			t.is(JSON.parse(missing.stderr).error.code, 'FORBIDDEN');
			t.is((await cli.run(['items', 'list', 'no_such_collection'])).code, 4);
			t.is((await cli.run(['items', 'create', 'articles', '--data', 'not json'])).code, 2);

			t.regex((await ok(t, cli.run(['users', 'list']))).stdout, new RegExp(adminEmail.replace('.', '\\.')));
			t.is(JSON.parse((await ok(t, cli.run(['users', 'me', '--json']))).stdout).email, adminEmail);
			t.true(Array.isArray(JSON.parse((await ok(t, cli.run(['extensions', 'list', '--json']))).stdout)));

			await ok(t, cli.run(['logout']));
			t.is((await cli.run(['users', 'me'])).code, 3);
			await ok(t, cli.run(['login', url, '--token', adminToken]));
			t.is(JSON.parse((await ok(t, cli.run(['users', 'me', '--json']))).stdout).email, adminEmail);
			t.is((await cli.run(['login', url, '--token', 'not-a-valid-token'])).code, 3);
		} finally {
			cli.remove();
		}
	});
});

test('an expired access token is refreshed on the next command and the new one saved, still 0600', async (t) => {
	await withServer(t, { ACCESS_TOKEN_TTL: '10s' }, async ({ url }) => {
		const cli = scratch();
		try {
			await ok(t, cli.run(['login', url, '--email', adminEmail, '--password', adminPassword]));
			const before = JSON.parse(readFileSync(cli.credentials, 'utf8')).profiles.default.auth;
			await until(
				async () => (await fetch(`${url}/users/me`, { headers: { authorization: `Bearer ${before.access_token}` } })).status === 401,
				'the token to expire',
			);
			t.is(JSON.parse((await ok(t, cli.run(['users', 'me', '--json']))).stdout).email, adminEmail);
			const after = JSON.parse(readFileSync(cli.credentials, 'utf8')).profiles.default.auth;
			t.not(after.access_token, before.access_token);
			t.not(after.refresh_token, before.refresh_token);
			t.is(statSync(cli.credentials).mode & 0o777, 0o600);
		} finally {
			cli.remove();
		}
	});
});

test('files upload and download with a progress bar; schema snapshot, diff and apply; flows trigger', async (t) => {
	await withServer(t, {}, async ({ url, admin }) => {
		const cli = scratch();
		try {
			await ok(t, cli.run(['login', url, '--token', adminToken]));
			const source = path.join(cli.dir, 'data.bin');
			const content = Buffer.alloc(2 * 1024 * 1024 + 5, 7);
			writeFileSync(source, content);
			const uploaded = await ok(t, cli.run(['files', 'upload', source, '--title', 'Data']));
			t.regex(uploaded.stderr, /Uploading data\.bin 100%/);
			t.regex(uploaded.stdout, /title\s+Data/);
			const [file] = JSON.parse((await ok(t, cli.run(['files', 'list', '--json']))).stdout);
			const target = path.join(cli.dir, 'copy.bin');
			const downloaded = await ok(t, cli.run(['files', 'download', file.id, '--output', target]));
			t.regex(downloaded.stderr, /Downloading copy\.bin 100%/);
			t.true(readFileSync(target).equals(content));
			t.is((await cli.run(['files', 'upload', path.join(cli.dir, 'absent.bin')])).code, 2);

			await admin.request(createCollection(articles));
			const snapshot = path.join(cli.dir, 'snapshot.json');
			await ok(t, cli.run(['schema', 'snapshot', '--output', snapshot]));
			t.regex((await ok(t, cli.run(['schema', 'diff', snapshot]))).stdout, /No differences/);
			await admin.request(createField('articles', { field: 'subtitle', type: 'string', schema: {} }));
			t.regex((await ok(t, cli.run(['schema', 'diff', snapshot]))).stdout, /articles\.subtitle/);
			await ok(t, cli.run(['schema', 'apply', snapshot]));
			t.false((await admin.request(readFieldsByCollection('articles'))).some((field) => field.field === 'subtitle'));

			const flow = await createEchoFlow(admin);
			t.deepEqual(JSON.parse((await ok(t, cli.run(['flows', 'trigger', flow, '--data', '{"word":"hi"}', '--json']))).stdout), { echoed: 'hi' });
		} finally {
			cli.remove();
		}
	});
});
