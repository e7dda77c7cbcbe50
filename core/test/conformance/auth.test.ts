import { createUser, readMe, refresh, updateMe, updateUser, logout, serverInfo } from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, anonymousClient, sdkError, sessionClient, tokenClient } from './sdk-clients.js';

vendorTest('the SDK logs in, reads and updates itself, refreshes with a grace window for simultaneous tabs, and logs out', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = adminClient(server.url);
		const user = await admin.request(createUser({ email: 'ada@example.com', password: 'analytical engine', first_name: 'Ada' }));

		const client = sessionClient(server.url);
		const session = await client.login('ada@example.com', 'analytical engine');
		t.is(typeof session.access_token, 'string');
		t.is(typeof session.refresh_token, 'string');
		// `expires` is in milliseconds, as the SDK schedules its refresh from it.
		t.is(session.expires, 15 * 60 * 1000);
		t.like(await client.request(readMe({ fields: ['id', 'email', 'first_name'] })), { id: user.id, email: 'ada@example.com', first_name: 'Ada' });
		t.like(await client.request(updateMe({ last_name: 'Lovelace' }, { fields: ['first_name', 'last_name'] })), { first_name: 'Ada', last_name: 'Lovelace' });
		t.like(await sdkError(sessionClient(server.url).login('ada@example.com', 'wrong password')), { status: 401, code: 'INVALID_CREDENTIALS' });

		// Two tabs refresh with the same token at the same moment: both get the one new token.
		const rest = anonymousClient(server.url);
		const first = session.refresh_token!;
		const [tabA, tabB] = await Promise.all([rest.request(refresh('json', first)), rest.request(refresh('json', first))]);
		t.is(tabA.refresh_token, tabB.refresh_token);
		t.not(tabA.refresh_token, first);
		const again = await rest.request(refresh('json', first));
		t.is(again.refresh_token, tabA.refresh_token);
		t.like(await tokenClient(server.url, again.access_token!).request(readMe({ fields: ['email'] })), { email: 'ada@example.com' });

		// The new token moves on; the first one, presented once its successor has been used, is theft: the session ends.
		const next = await rest.request(refresh('json', tabA.refresh_token!));
		t.like(await sdkError(rest.request(refresh('json', first))), { status: 401, code: 'INVALID_CREDENTIALS' });
		t.like(await sdkError(rest.request(refresh('json', next.refresh_token!))), { status: 401, code: 'INVALID_CREDENTIALS' });

		// Outside the window (the successor issued a minute ago), a reused token revokes the session too.
		const late = await sessionClient(server.url).login('ada@example.com', 'analytical engine');
		const rotated = await rest.request(refresh('json', late.refresh_token!));
		await db
			.knex('mantle_sessions')
			.where('user', user.id)
			.update({ expires: new Date(Date.now() + 7 * 24 * 3600_000 - 60_000) });
		t.like(await sdkError(rest.request(refresh('json', late.refresh_token!))), { status: 401, code: 'INVALID_CREDENTIALS' });
		t.like(await sdkError(rest.request(refresh('json', rotated.refresh_token!))), { status: 401, code: 'INVALID_CREDENTIALS' });

		// Logging out ends the session: its refresh token no longer works.
		const last = sessionClient(server.url);
		const lastSession = await last.login('ada@example.com', 'analytical engine');
		await last.request(logout(lastSession.refresh_token!, 'json'));
		t.like(await sdkError(rest.request(refresh('json', lastSession.refresh_token!))), { status: 401, code: 'INVALID_CREDENTIALS' });
	} finally {
		await server.stop();
	}
});

vendorTest('a static token set through the SDK authenticates the SDK; anonymous callers are told who they are not', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = adminClient(server.url);
		const user = await admin.request(createUser({ email: 'bot@example.com', password: 'a bot password' }));
		await admin.request(updateUser(user.id, { token: 'bot-static-token-0123456789' }));
		t.like(await tokenClient(server.url, 'bot-static-token-0123456789').request(readMe({ fields: ['email'] })), { email: 'bot@example.com' });
		// Secrets read back as a mask, never as themselves.
		t.is((await admin.request(readMe({ fields: ['token'] }))).token, '**********');

		const info = await admin.request(serverInfo());
		t.is(typeof (info as { version?: unknown }).version, 'string');
		t.deepEqual(info.queryLimit, { default: 100, max: -1 });
		t.like(info.project, { project_name: 'Mantle' });
		const publicInfo = await anonymousClient(server.url).request(serverInfo());
		t.is((publicInfo as { version?: unknown }).version, undefined);
		t.is(publicInfo.queryLimit, undefined);

		// The admin issues their own static token, as the Studio's "token" field does.
		const adminSession = sessionClient(server.url);
		await adminSession.login('admin@example.com', 'correct horse battery');
		await adminSession.request(updateMe({ token: 'admin-second-token-0123456789' }));
		t.like(await tokenClient(server.url, 'admin-second-token-0123456789').request(readMe({ fields: ['email'] })), { email: 'admin@example.com' });
		t.like(await sdkError(admin.request(readMe())), { status: 401, code: 'INVALID_CREDENTIALS' });

		t.like(await sdkError(tokenClient(server.url, 'not-a-token').request(readMe())), { status: 401, code: 'INVALID_CREDENTIALS' });
		t.like(await sdkError(anonymousClient(server.url).request(readMe())), { status: 401, code: 'INVALID_CREDENTIALS' });
	} finally {
		await server.stop();
	}
});
