import test from 'ava';
import { publicAccountability, type SandboxError } from '../src/index.js';
import { caller, loadEndpoint, request, startSandbox } from './helpers/sandbox.js';

const source = `
	router.post('/', async (req) => {
		const { collection, method, args, asCaller } = req.body;
		const items = ctx.items(collection, asCaller ? { accountability: req.accountability } : undefined);
		return { body: await items[method](...args) };
	});
	router.get('/forged', async () => ({ body: await ctx.items('articles', { accountability: { user: 'admin', admin: true } }).readOne(1) }));
`;

function call(collection: string, method: string, args: unknown[], asCaller = true) {
	return request({ method: 'POST', body: { collection, method, args, asCaller } });
}

test('items calls in scope reach the data engine as the caller, with the scope checked', async (t) => {
	const { supervisor, bridge } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, source, { items: { collections: ['articles'], actions: ['read', 'create'] } });
	const answer = await endpoint.invoke(0, call('articles', 'readByQuery', [{ limit: 2 }]));
	t.deepEqual(answer.body, { data: [{ id: 1, collection: 'articles', method: 'readByQuery' }] });
	await endpoint.invoke(0, call('articles', 'createOne', [{ title: 'new' }]));
	t.deepEqual(bridge.itemsCalls, [
		{ extensionId: 'test', call: { collection: 'articles', action: 'read', method: 'readByQuery', args: [{ limit: 2 }], accountability: caller } },
		{ extensionId: 'test', call: { collection: 'articles', action: 'create', method: 'createOne', args: [{ title: 'new' }], accountability: caller } },
	]);
});

test('items on a collection or action outside the scope is refused without calling the data engine', async (t) => {
	const { supervisor, bridge } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, source, { items: { collections: ['articles'], actions: ['read'] } });
	for (const [collection, method, args] of [
		['directus_users', 'readByQuery', [{}]],
		['articles', 'deleteOne', [1]],
		['articles', 'updateOne', [1, { title: 'x' }]],
		['articles', 'createOne', [{}]],
	] as const) {
		const error = await t.throwsAsync(endpoint.invoke(0, call(collection, method, [...args])));
		t.is((error as SandboxError).code, 'FORBIDDEN', `${collection}.${method}`);
	}
	t.deepEqual(bridge.itemsCalls, []);
});

test("an extension cannot forge a caller: without the request's own accountability, items run as the public role", async (t) => {
	const { supervisor, bridge } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, source, { items: { collections: ['articles'], actions: ['read'] } });
	await endpoint.invoke(1, request({ accountability: { ...caller, admin: true } }));
	await endpoint.invoke(0, call('articles', 'readOne', [1], false));
	t.deepEqual(
		bridge.itemsCalls.map((entry) => entry.call.accountability),
		[publicAccountability, publicAccountability],
	);
});

test('items does not exist without its scope', async (t) => {
	const { supervisor } = await startSandbox(t);
	const endpoint = await loadEndpoint(supervisor, `router.get('/', () => ({ body: typeof ctx.items }));`);
	t.is((await endpoint.invoke(0, request())).body, 'undefined');
});
