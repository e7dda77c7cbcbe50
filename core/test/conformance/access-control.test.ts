import {
	createCollection,
	createItems,
	createItem,
	createPermission,
	createPolicy,
	createRole,
	createUser,
	deletePolicy,
	deleteRole,
	readPolicies,
	updateMe,
	readItemPermissions,
	readItems,
	readPermissions,
	readPolicy,
	readRole,
	readUser,
	readMe,
	updateItem,
	updatePermission,
	updateRole,
	updateUser,
	readItem,
} from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, sdkError, sessionClient } from './sdk-clients.js';

/** A collection with a public and a secret field, and rows an editor may and may not see. */
async function articles(url: string) {
	const admin = adminClient(url);
	await admin.request(
		createCollection({
			collection: 'articles',
			schema: {},
			meta: { icon: 'article' },
			fields: [
				{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
				{ field: 'title', type: 'string', schema: {} },
				{ field: 'status', type: 'string', schema: { default_value: 'draft' } },
				{ field: 'secret', type: 'string', schema: {} },
			],
		} as never),
	);
	await admin.request(
		createItems('articles', [
			{ title: 'Out now', status: 'published', secret: 's1' },
			{ title: 'Not yet', status: 'draft', secret: 's2' },
		]),
	);
	return admin;
}

vendorTest('a non-admin role with field and row rules is created, used and revoked through @directus/sdk', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = await articles(server.url);

		// The policy as the Studio saves it: its permissions nested, `fields` as a list.
		const policy = await admin.request(
			createPolicy({
				name: 'Editors',
				icon: 'edit',
				app_access: true,
				admin_access: false,
				permissions: [
					{ collection: 'articles', action: 'read', fields: ['id', 'title', 'status'], permissions: { status: { _eq: 'published' } } },
					{ collection: 'articles', action: 'create', fields: ['title', 'status'], permissions: {}, validation: { status: { _in: ['draft', 'published'] } } },
				],
			} as never),
		);
		t.is(policy.name, 'Editors');
		t.is((policy.permissions as unknown[]).length, 2);

		const permissions = await admin.request(readPermissions({ filter: { policy: { _eq: policy.id } }, sort: ['id'] }));
		t.deepEqual(
			permissions.map((p) => [p.collection, p.action, p.fields]),
			[
				['articles', 'read', ['id', 'title', 'status']],
				['articles', 'create', ['title', 'status']],
			],
		);
		t.deepEqual(permissions[0]!.permissions, { status: { _eq: 'published' } });

		const role = await admin.request(createRole({ name: 'Editor', policies: [policy.id] } as never));
		const withPolicies = await admin.request(readRole(role.id, { fields: ['id', 'name', { policies: ['id', { policy: ['name'] }] }] as never }));
		t.is(withPolicies.name, 'Editor');
		t.deepEqual(
			(withPolicies.policies as Array<{ policy: { name: string } }>).map((access) => access.policy.name),
			['Editors'],
		);
		const accessId = (withPolicies.policies as Array<{ id: string }>)[0]!.id;
		const fromPolicy = await admin.request(readPolicy(policy.id, { fields: ['roles.role.name', 'permissions.action'] as never }));
		t.deepEqual(
			(fromPolicy.roles as Array<{ role: { name: string } }>).map((access) => access.role.name),
			['Editor'],
		);
		t.deepEqual((fromPolicy.permissions as Array<{ action: string }>).map((p) => p.action).sort(), ['create', 'read']);

		const user = await admin.request(createUser({ email: 'editor@example.com', password: 'editor password 1', role: role.id }));
		const editor = sessionClient(server.url);
		await editor.login('editor@example.com', 'editor password 1');

		// Row rule: only published rows; field rule: no `secret`.
		const visible = await editor.request(readItems('articles'));
		t.deepEqual(visible, [{ id: 1, title: 'Out now', status: 'published' }]);
		t.like(await sdkError(editor.request(readItems('articles', { fields: ['title', 'secret'] }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(editor.request(readItem('articles', 2))), { status: 403, code: 'FORBIDDEN' });

		const created = await editor.request(createItem('articles', { title: 'Mine', status: 'published' }, { fields: ['id', 'title'] }));
		t.deepEqual(created, { id: 3, title: 'Mine' });
		const rows = await admin.request(readItems('articles', { fields: ['title', 'status'], sort: ['id'] }));
		t.deepEqual(
			rows.map((row) => row.title),
			['Out now', 'Not yet', 'Mine'],
		);
		t.like(await sdkError(editor.request(createItem('articles', { title: 'Leak', secret: 'x' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(editor.request(createItem('articles', { title: 'Odd', status: 'archived' }))), { status: 400, code: 'FAILED_VALIDATION' });
		t.like(await sdkError(editor.request(updateItem('articles', 1, { title: 'Changed' }))), { status: 403, code: 'FORBIDDEN' });

		// Widening a permission through the SDK takes effect for the signed-in editor.
		await admin.request(updatePermission(permissions[0]!.id, { fields: ['*'] } as never));
		t.deepEqual(await editor.request(readItems('articles', { fields: ['secret'], filter: { id: { _eq: 1 } } })), [{ secret: 's1' }]);

		// What the Studio asks before offering "save" on one item: a row rule decides per item.
		await admin.request(
			createPermission({
				policy: policy.id,
				collection: 'articles',
				action: 'update',
				fields: ['title'],
				permissions: { status: { _eq: 'published' } },
			} as never),
		);
		t.like(await editor.request(readItemPermissions('articles', '1')), {
			update: { access: true, fields: ['title'] },
			delete: { access: false },
			share: { access: false },
		});
		t.like(await editor.request(readItemPermissions('articles', '2')), { update: { access: false }, delete: { access: false } });
		t.like(await editor.request(updateItem('articles', 1, { title: 'Out now!' }, { fields: ['title'] })), { title: 'Out now!' });
		t.like(await sdkError(editor.request(readItemPermissions('nowhere', '1'))), { status: 403, code: 'FORBIDDEN' });

		// The user's own view: policies through the user, as clients read them.
		const me = await editor.request(readMe({ fields: ['email', 'role'] }));
		t.deepEqual(me, { email: 'editor@example.com', role: role.id });
		const userWithPolicies = await admin.request(readUser(user.id, { fields: ['policies', 'role.policies.policy.name'] as never }));
		t.deepEqual(userWithPolicies.policies, []);
		t.deepEqual(
			(userWithPolicies.role as { policies: Array<{ policy: { name: string } }> }).policies.map((access) => access.policy.name),
			['Editors'],
		);

		// Revoked: the access row removed in Directus's detailed shape; the editor's next call is refused.
		await admin.request(updateRole(role.id, { policies: { delete: [accessId] } } as never));
		t.deepEqual((await admin.request(readRole(role.id, { fields: ['policies'] as never }))).policies, []);
		t.like(await sdkError(editor.request(readItems('articles'))), { status: 403, code: 'FORBIDDEN' });

		// Attached to the user directly, in the junction shape, it applies again; deleting the policy revokes it for good.
		await admin.request(updateUser(user.id, { policies: { create: [{ policy: policy.id }] } } as never));
		t.deepEqual(await editor.request(readItems('articles', { fields: ['id'], sort: ['id'] })), [{ id: 1 }, { id: 3 }]);
		await admin.request(deletePolicy(policy.id));
		t.like(await sdkError(editor.request(readItems('articles'))), { status: 403, code: 'FORBIDDEN' });
		t.deepEqual(await admin.request(readPermissions({ filter: { policy: { _eq: policy.id } } })), []);
		await admin.request(deleteRole(role.id));
		t.like(await sdkError(admin.request(readRole(role.id))), { status: 403, code: 'FORBIDDEN' });
	} finally {
		await server.stop();
	}
});

vendorTest('permissions read and write `fields` as a list of strings, `*` included', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = await articles(server.url);
		const policy = await admin.request(createPolicy({ name: 'Readers', app_access: false, admin_access: false } as never));
		const permission = await admin.request(
			createPermission({ policy: policy.id, collection: 'articles', action: 'read', fields: ['id', 'title'], permissions: {} } as never),
		);
		t.deepEqual(permission.fields, ['id', 'title']);
		const updated = await admin.request(updatePermission(permission.id, { fields: ['*'] } as never));
		t.deepEqual(updated.fields, ['*']);
		const invalid = await sdkError(
			admin.request(createPermission({ policy: policy.id, collection: 'articles', action: 'read', fields: [{ nested: true }] } as never)),
		);
		t.like(invalid, { status: 400, code: 'INVALID_PAYLOAD' });
		t.regex(invalid.message ?? '', /fields/);
	} finally {
		await server.stop();
	}
});

vendorTest('a role, policy and user expose their access aliases as keys with fields=*', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = adminClient(server.url);
		const policy = await admin.request(createPolicy({ name: 'P', app_access: false, admin_access: false } as never));
		const role = await admin.request(createRole({ name: 'R', policies: { create: [{ policy: policy.id }] } } as never));
		const user = await admin.request(createUser({ email: 'u@example.com', role: role.id, policies: [{ policy: policy.id }] } as never));
		const roleRead = await admin.request(readRole(role.id));
		t.is((roleRead.policies as unknown[]).length, 1);
		t.deepEqual(roleRead.users, [user.id]);
		const policyRead = await admin.request(readPolicy(policy.id, { fields: ['*.*'] as never }));
		const accesses = policyRead.roles as Array<{ role: string | null; user: string | null; policy: string }>;
		t.deepEqual(
			accesses.map((access) => [access.role, access.user, access.policy]).sort(),
			[
				[null, user.id, policy.id],
				[role.id, null, policy.id],
			].sort(),
		);
		const userRead = await admin.request(readUser(user.id, { fields: ['policies.policy.name'] as never }));
		t.deepEqual(userRead, { policies: [{ policy: { name: 'P' } }] });
	} finally {
		await server.stop();
	}
});

vendorTest('a user who may edit their own account cannot grant themselves a policy through the new aliases', async (t, db) => {
	const server = await startKernel(db);
	try {
		const admin = adminClient(server.url);
		const [adminPolicy] = await admin.request(readPolicies({ filter: { admin_access: { _eq: true } }, fields: ['id'] }));
		const selfService = await admin.request(
			createPolicy({
				name: 'Self service',
				app_access: true,
				admin_access: false,
				permissions: [
					{ collection: 'directus_users', action: 'read', fields: ['*'], permissions: { id: { _eq: '$CURRENT_USER' } } },
					{ collection: 'directus_users', action: 'update', fields: ['*'], permissions: { id: { _eq: '$CURRENT_USER' } } },
					{ collection: 'directus_roles', action: 'update', fields: ['*'], permissions: { id: { _eq: '$CURRENT_ROLE' } } },
				],
			} as never),
		);
		const role = await admin.request(createRole({ name: 'Staff', policies: [selfService.id] } as never));
		const user = await admin.request(createUser({ email: 'mallory@example.com', password: 'mallory password', role: role.id }));
		const mallory = sessionClient(server.url);
		await mallory.login('mallory@example.com', 'mallory password');

		t.like(await mallory.request(updateMe({ title: 'Staff' }, { fields: ['title'] })), { title: 'Staff' });
		for (const attempt of [
			() => mallory.request(updateMe({ policies: [{ policy: adminPolicy!.id }] } as never)),
			() => mallory.request(updateMe({ policies: { create: [{ policy: adminPolicy!.id }] } } as never)),
			() => mallory.request(updateRole(role.id, { policies: [adminPolicy!.id] } as never)),
			() => mallory.request(updateRole(role.id, { policies: { create: [{ policy: adminPolicy!.id }], delete: [] } } as never)),
		]) {
			t.like(await sdkError(attempt()), { status: 403, code: 'FORBIDDEN' });
		}
		const accessRows = await db.knex('mantle_access').where({ policy: adminPolicy!.id });
		t.false(accessRows.some((row) => row.user === user.id || row.role === role.id));
		t.like(await sdkError(mallory.request(readPolicies())), { status: 403, code: 'FORBIDDEN' });
	} finally {
		await server.stop();
	}
});
