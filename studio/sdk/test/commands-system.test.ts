import test from 'ava';
import {
	compareContentVersion,
	createAccess,
	createClient,
	createCollection,
	createComment,
	createContentVersion,
	createDashboard,
	createItem,
	createNotification,
	createPanel,
	createPermission,
	createPolicy,
	createPreset,
	createRole,
	createShare,
	createTranslation,
	createUser,
	deleteAccess,
	deleteComment,
	deleteDashboard,
	deleteFlow,
	deletePreset,
	deleteRole,
	deleteUser,
	MantleError,
	promoteContentVersion,
	readAccessItems,
	readComments,
	readDashboards,
	readExtensions,
	readItem,
	readItems,
	readMe,
	readNotifications,
	readPanels,
	readPolicies,
	readPolicyGlobals,
	readPresets,
	readProviders,
	readRegistryExtensions,
	readRole,
	readSettings,
	readShareInfo,
	readTranslations,
	readUser,
	readUserPermissions,
	readUsers,
	saveToContentVersion,
	serverHealth,
	serverInfo,
	serverPing,
	authenticateShare,
	triggerFlow,
	updateComment,
	updateMe,
	updatePreset,
	updateRole,
	updateSettings,
	updateUser,
} from '../src/index.js';
import { createEchoFlow } from './helpers.js';
import { routes, server } from './shared-server.js';

const admin = () => server.admin;
const id = { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } };
const when = (present: boolean) => (present ? test : test.skip);

test('users, roles, policies, access and permissions: a new user reads what their policy allows, and only that', async (t) => {
	await admin().request(
		createCollection({
			collection: 'p_docs',
			schema: {},
			meta: {},
			fields: [id, { field: 'title', type: 'string', schema: {} }, { field: 'secret', type: 'string', schema: {} }],
		}),
	);
	await admin().request(createItem('p_docs', { title: 'Open', secret: 'hidden' }));
	const role = await admin().request(createRole({ name: 'Readers' }));
	await admin().request(updateRole(role.id, { description: 'People who read' }));
	t.is((await admin().request(readRole(role.id))).description, 'People who read');
	const policy = await admin().request(createPolicy({ name: 'Read docs', app_access: true, admin_access: false }));
	t.true((await admin().request(readPolicies({ fields: ['name'] }))).some((row) => row.name === 'Read docs'));
	const access = await admin().request(createAccess({ role: role.id, policy: policy.id }));
	t.true((await admin().request(readAccessItems({ filter: { role: { _eq: role.id } } }))).length === 1);
	await admin().request(createPermission({ policy: policy.id, collection: 'p_docs', action: 'read', fields: ['id', 'title'], permissions: {} }));
	const user = await admin().request(createUser({ email: 'reader@example.com', password: 'a long enough password', role: role.id }));
	await admin().request(updateUser(user.id, { first_name: 'Rita' }));
	t.is((await admin().request(readUser(user.id, { fields: ['first_name'] }))).first_name, 'Rita');
	t.true((await admin().request(readUsers({ filter: { email: { _eq: 'reader@example.com' } } }))).length === 1);

	const reader = createClient(server.url);
	await reader.login({ email: 'reader@example.com', password: 'a long enough password' });
	t.deepEqual(await reader.request(readItems('p_docs', { fields: ['title'] })), [{ title: 'Open' }]);
	const hidden = await t.throwsAsync(reader.request(readItems('p_docs', { fields: ['secret'] })), { instanceOf: MantleError });
	t.is(hidden?.code, 'FORBIDDEN');
	t.is(hidden?.status, 403);
	const mine = await reader.request(readUserPermissions());
	t.truthy(mine.p_docs?.read, 'the user sees their own read permission');
	await reader.request(updateMe({ last_name: 'Reader' }));
	t.is((await reader.request(readMe({ fields: ['last_name'] }))).last_name, 'Reader');
	const refused = await t.throwsAsync(reader.request(createRole({ name: 'Self-promoted' })), { instanceOf: MantleError });
	t.is(refused?.status, 403);

	await admin().request(deleteAccess(access.id));
	const revoked = await t.throwsAsync(reader.request(readItems('p_docs')), { instanceOf: MantleError });
	t.is(revoked?.code, 'FORBIDDEN');
	await admin().request(deleteUser(user.id));
	await admin().request(deleteRole(role.id));
});

test('server and auth: ping, info, health and the SSO provider list', async (t) => {
	t.is(await admin().request(serverPing()), 'pong');
	t.truthy((await admin().request(serverInfo())).project);
	t.regex(String((await admin().request(serverHealth())).status), /^(ok|warn)$/);
	t.true(Array.isArray(await createClient(server.url).request(readProviders())));
});

test('extensions: the installed list names the first-party endpoints', async (t) => {
	const installed = await admin().request(readExtensions());
	const names = installed.map((row) => JSON.stringify(row));
	t.true(
		names.some((row) => row.includes('items')),
		'the items endpoint is installed',
	);
});

when(routes.policyGlobals)("policies: the signed-in user's combined access flags", async (t) => {
	t.like(await admin().request(readPolicyGlobals()), { admin_access: true, app_access: true });
});

when(routes.registry)('extensions registry: with no registry configured, the marketplace answers 503 SERVICE_UNAVAILABLE', async (t) => {
	const error = await t.throwsAsync(admin().request(readRegistryExtensions()), { instanceOf: MantleError });
	t.is(error?.status, 503);
	t.is(error?.code, 'SERVICE_UNAVAILABLE');
});

when(routes.settings)('settings: read and update the project settings', async (t) => {
	await admin().request(updateSettings({ project_name: 'SDK project' }));
	t.is((await admin().request(readSettings({ fields: ['project_name'] }))).project_name, 'SDK project');
});

when(routes.presets)('presets: a bookmark is created, changed, listed and deleted', async (t) => {
	const me = await admin().request(readMe({ fields: ['id'] }));
	const preset = await admin().request(createPreset({ bookmark: 'Mine', collection: 'directus_users', user: me.id, layout: 'tabular' }));
	await admin().request(updatePreset(preset.id, { bookmark: 'Renamed' }));
	t.true((await admin().request(readPresets({ fields: ['bookmark'] }))).some((row) => row.bookmark === 'Renamed'));
	await admin().request(deletePreset(preset.id));
	t.false((await admin().request(readPresets({ fields: ['bookmark'] }))).some((row) => row.bookmark === 'Renamed'));
});

when(routes.notifications)('notifications: one sent to a user is read by that user', async (t) => {
	const me = await admin().request(readMe({ fields: ['id'] }));
	await admin().request(createNotification({ recipient: me.id, subject: 'Hello from the SDK' }));
	t.true((await admin().request(readNotifications({ fields: ['subject'] }))).some((row) => row.subject === 'Hello from the SDK'));
});

when(routes.comments)('comments: on an item, edited and deleted', async (t) => {
	await admin().request(createCollection({ collection: 'cm_posts', schema: {}, meta: {}, fields: [id] }));
	const post = await admin().request(createItem('cm_posts', {}));
	const comment = await admin().request(createComment({ collection: 'cm_posts', item: String(post.id), comment: 'Nice' }));
	await admin().request(updateComment(comment.id, { comment: 'Very nice' }));
	t.deepEqual(
		(await admin().request(readComments({ filter: { collection: { _eq: 'cm_posts' } }, fields: ['comment'] }))).map((row) => row.comment),
		['Very nice'],
	);
	await admin().request(deleteComment(comment.id));
	t.deepEqual(await admin().request(readComments({ filter: { collection: { _eq: 'cm_posts' } } })), []);
});

when(routes.shares)('shares: a shared item is read with a share login', async (t) => {
	await admin().request(createCollection({ collection: 'sh_docs', schema: {}, meta: {}, fields: [id, { field: 'title', type: 'string', schema: {} }] }));
	const doc = await admin().request(createItem('sh_docs', { title: 'Shared' }));
	const share = await admin().request(createShare({ name: 'Link', collection: 'sh_docs', item: String(doc.id), password: 'share-pass' }));
	t.is((await createClient(server.url).request(readShareInfo(share.id))).collection, 'sh_docs');
	const auth = await createClient(server.url).request(authenticateShare(share.id, 'share-pass'));
	const guest = createClient(server.url, { token: auth.access_token! });
	t.is((await guest.request(readItem('sh_docs', doc.id))).title, 'Shared');
	const wrong = await t.throwsAsync(createClient(server.url).request(authenticateShare(share.id, 'nope')), { instanceOf: MantleError });
	t.is(wrong?.status, 401);
});

when(routes.versions)('versions: save changes to a draft, compare, and promote them to the item', async (t) => {
	await admin().request(
		createCollection({ collection: 'v_pages', schema: {}, meta: { versioning: true }, fields: [id, { field: 'title', type: 'string', schema: {} }] }),
	);
	const page = await admin().request(createItem('v_pages', { title: 'Live' }));
	const version = await admin().request(createContentVersion({ key: 'draft', name: 'Draft', collection: 'v_pages', item: String(page.id) }));
	await admin().request(saveToContentVersion(version.id, { title: 'Drafted' }));
	t.is((await admin().request(readItem('v_pages', page.id))).title, 'Live', 'the main item is untouched');
	const comparison = await admin().request(compareContentVersion(version.id));
	await admin().request(promoteContentVersion(version.id, comparison.mainHash));
	t.is((await admin().request(readItem('v_pages', page.id))).title, 'Drafted');
});

when(routes.flows && routes.operations)('flows and operations: a webhook flow runs its operation and answers its result', async (t) => {
	const flow = await createEchoFlow(admin());
	t.deepEqual(await admin().request(triggerFlow(flow, 'POST', { word: 'hello' })), { echoed: 'hello' });
	await admin().request(deleteFlow(flow));
	const gone = await t.throwsAsync(admin().request(triggerFlow(flow, 'POST', {})), { instanceOf: MantleError });
	t.true(gone?.status === 403 || gone?.status === 404);
});

when(routes.dashboards && routes.panels)('dashboards and panels: a dashboard holds its panel', async (t) => {
	const dashboard = await admin().request(createDashboard({ name: 'Numbers' }));
	await admin().request(createPanel({ dashboard: dashboard.id, type: 'metric', position_x: 1, position_y: 1, width: 4, height: 4, options: {} }));
	t.is((await admin().request(readPanels({ filter: { dashboard: { _eq: dashboard.id } } }))).length, 1);
	t.true((await admin().request(readDashboards({ fields: ['name'] }))).some((row) => row.name === 'Numbers'));
	await admin().request(deleteDashboard(dashboard.id));
});

when(routes.translations)('translations: a custom translation string is stored and listed', async (t) => {
	await admin().request(createTranslation({ key: 'greeting', language: 'en-US', value: 'Hello' }));
	t.deepEqual(
		(await admin().request(readTranslations({ filter: { key: { _eq: 'greeting' } }, fields: ['value'] }))).map((row) => row.value),
		['Hello'],
	);
});
