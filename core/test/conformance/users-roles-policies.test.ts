import {
	createPermissions,
	createPolicies,
	createRoles,
	createUsers,
	customEndpoint,
	deletePermission,
	deletePermissions,
	deletePolicies,
	deleteRoles,
	deleteUser,
	deleteUsers,
	readPermission,
	readPolicies,
	readPolicyGlobals,
	readRoles,
	readRolesMe,
	readUserPermissions,
	readUsers,
	updatePermissions,
	updatePolicies,
	updatePolicy,
	updateRoles,
	updateUsers,
} from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, sdkError, sessionClient } from './sdk-clients.js';

function byName<T extends Record<string, unknown>>(names: string[], items: T[], key = 'name'): T[] {
	return names.map((name) => items.find((item) => item[key] === name)!);
}

vendorTest('users, roles, policies, permissions and access rows through the SDK, and what a user learns of their own', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = adminClient(server.url);
		// Keys are UUIDs: find each created item by its name, not its place in the answer.
		const [reviewers, writers] = byName(
			['Reviewers', 'Writers'],
			await admin.request(
				createPolicies([
					{ name: 'Reviewers', app_access: true, admin_access: false, ip_access: ['127.0.0.1', '::1'] },
					{ name: 'Writers', app_access: false, admin_access: false, enforce_tfa: false },
				] as never),
			),
		);
		t.deepEqual(reviewers!.ip_access, ['127.0.0.1', '::1']);
		t.deepEqual(
			(await admin.request(readPolicies({ filter: { name: { _in: ['Reviewers', 'Writers'] } }, fields: ['name'], sort: ['name'] }))).map((p) => p.name),
			['Reviewers', 'Writers'],
		);
		const renamed = await admin.request(updatePolicies([writers!.id], { name: 'Authors' }, { fields: ['name'] }));
		t.deepEqual(renamed, [{ name: 'Authors' }]);

		const [team, subteam] = byName(
			['Team', 'Subteam'],
			await admin.request(createRoles([{ name: 'Team', policies: [reviewers!.id] }, { name: 'Subteam' }] as never)),
		);
		t.like(await admin.request(updateRoles([subteam!.id], { parent: team!.id } as never, { fields: ['parent'] })), [{ parent: team!.id }]);
		t.deepEqual(await admin.request(readRoles({ filter: { id: { _eq: team!.id } }, fields: ['name', 'children'] as never })), [
			{ name: 'Team', children: [subteam!.id] },
		] as never);

		const permissions = await admin.request(
			createPermissions([
				{ policy: reviewers!.id, collection: 'directus_users', action: 'read', fields: ['id', 'email', 'role'], permissions: {} },
				{ policy: reviewers!.id, collection: 'directus_roles', action: 'read', fields: ['*'], permissions: {} },
			] as never),
		);
		permissions.sort((a, b) => Number(a.id) - Number(b.id));
		t.deepEqual(
			permissions.map((p) => p.fields),
			[['id', 'email', 'role'], ['*']],
		);
		t.like(await admin.request(readPermission(permissions[0]!.id)), { collection: 'directus_users', action: 'read', fields: ['id', 'email', 'role'] });
		t.like(await admin.request(updatePermissions([permissions[0]!.id], { fields: ['id', 'email', 'role', 'first_name'] } as never)), [
			{ fields: ['id', 'email', 'role', 'first_name'] },
		]);

		const [ana, ben] = byName(
			['ana@example.com', 'ben@example.com'],
			await admin.request(
				createUsers([
					{ email: 'ana@example.com', password: 'ana password 1', role: team!.id, first_name: 'Ana' },
					{ email: 'ben@example.com', password: 'ben password 1', role: subteam!.id },
				] as never),
			),
			'email',
		);
		t.deepEqual(await admin.request(updateUsers([ana!.id, ben!.id], { title: 'Editor' }, { fields: ['title'] })), [{ title: 'Editor' }, { title: 'Editor' }]);
		t.deepEqual(
			(await admin.request(readUsers({ filter: { title: { _eq: 'Editor' } }, fields: ['email'], sort: ['email'] }))).map((u) => u.email),
			['ana@example.com', 'ben@example.com'],
		);

		// Access rows directly, as the SDK offers no command for them: a user-level policy for Ben.
		const access = await admin.request(
			customEndpoint<{ id: string; user: string; policy: string }>({
				method: 'POST',
				path: '/access',
				body: JSON.stringify({ user: ben!.id, policy: writers!.id }),
			}),
		);
		t.like(access, { user: ben!.id, policy: writers!.id, role: null });
		const rows = await admin.request(customEndpoint<Array<{ policy: string }>>({ method: 'GET', path: `/access?filter[user][_eq]=${ben!.id}` }));
		t.deepEqual(
			rows.map((row) => row.policy),
			[writers!.id],
		);

		const anaClient = sessionClient(server.url);
		await anaClient.login('ana@example.com', 'ana password 1');
		t.deepEqual(
			(await anaClient.request(readRolesMe({ fields: ['name'] } as never))).map((role) => role.name),
			['Team'],
		);
		t.deepEqual(await anaClient.request(readPolicyGlobals()), { app_access: true, admin_access: false, enforce_tfa: false });
		const mine = (await anaClient.request(readUserPermissions())) as Record<string, Record<string, { fields: string[] }>>;
		t.deepEqual(mine.directus_users?.read?.fields, ['id', 'email', 'role', 'first_name']);
		t.deepEqual(
			(await anaClient.request(readUsers({ fields: ['email'], sort: ['email'] }))).map((u) => u.email),
			['admin@example.com', 'ana@example.com', 'ben@example.com'],
		);
		t.like(await sdkError(anaClient.request(readUsers({ fields: ['title'] }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(anaClient.request(readPolicies())), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(anaClient.request(updatePolicy(reviewers!.id, { admin_access: true } as never))), { status: 403, code: 'FORBIDDEN' });

		await admin.request(deletePermission(permissions[1]!.id));
		await admin.request(deletePermissions([permissions[0]!.id]));
		t.like(await sdkError(anaClient.request(readUsers())), { status: 403, code: 'FORBIDDEN' });
		await admin.request(deleteUser(ben!.id));
		await admin.request(deleteUsers([ana!.id]));
		t.deepEqual(
			(await admin.request(readUsers({ fields: ['email'] }))).map((u) => u.email),
			['admin@example.com'],
		);
		t.deepEqual(await admin.request(customEndpoint({ method: 'GET', path: `/access?filter[user][_eq]=${ben!.id}` })), []);
		await admin.request(deleteRoles([subteam!.id, team!.id]));
		await admin.request(deletePolicies([reviewers!.id, writers!.id]));
		t.deepEqual(await admin.request(readRoles({ filter: { name: { _in: ['Team', 'Subteam'] } } })), []);
	} finally {
		await server.stop();
	}
});
