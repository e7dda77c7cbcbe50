import type { ExecutionContext } from 'ava';
import { createTestDatabase, type TestDatabase } from '../../../core/test/helpers/databases.js';
import { adminToken, startKernel, type RunningKernel } from '../../../core/test/helpers/kernel.js';
import { createClient, createFlow, createOperation, updateFlow, type ClientOptions, type MantleClient } from '../src/index.js';

export { adminToken };
export const adminEmail = 'admin@example.com';
export const adminPassword = 'correct horse battery';

export interface SdkServer {
	kernel: RunningKernel;
	url: string;
	db: TestDatabase;
	/** A client signed in with the admin's static token. */
	admin: MantleClient;
}

/** Runs `body` against a fresh kernel on a fresh SQLite database, torn down afterwards. */
export async function withServer(
	t: ExecutionContext,
	env: Record<string, string>,
	body: (server: SdkServer) => Promise<void>,
	vendor: TestDatabase['vendor'] = 'sqlite',
): Promise<void> {
	const db = await createTestDatabase(vendor);
	let kernel: RunningKernel | undefined;
	try {
		kernel = await startKernel(db, env);
		const admin = createClient(kernel.url, { token: adminToken });
		await body({ kernel, url: kernel.url, db, admin });
	} finally {
		await kernel?.stop();
		await db.drop();
	}
}

/** Runs `body` against a kernel on a database the caller owns (a `vendorTest`'s). */
export async function withKernelOn(db: TestDatabase, env: Record<string, string>, body: (server: SdkServer) => Promise<void>): Promise<void> {
	const kernel = await startKernel(db, env);
	try {
		await body({ kernel, url: kernel.url, db, admin: createClient(kernel.url, { token: adminToken }) });
	} finally {
		await kernel.stop();
	}
}

export function client(url: string, options: ClientOptions = {}): MantleClient {
	return createClient(url, options);
}

/** Polls `probe` until it yields a truthy value, failing after `timeout` ms. */
export async function until<T>(probe: () => T | Promise<T>, what: string, timeout = 15_000): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

/** An `articles` collection with a title, a view count and an `author` many-to-one to `authors`. */
export async function createBlogSchema(admin: MantleClient): Promise<void> {
	const { createCollection, createField, createRelation } = await import('../src/index.js');
	await admin.request(
		createCollection({
			collection: 'authors',
			schema: {},
			meta: {},
			fields: [
				{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
				{ field: 'name', type: 'string', schema: {} },
			],
		}),
	);
	await admin.request(
		createCollection({
			collection: 'articles',
			schema: {},
			meta: {},
			fields: [
				{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
				{ field: 'title', type: 'string', schema: { is_nullable: false } },
				{ field: 'views', type: 'integer', schema: {} },
			],
		}),
	);
	await admin.request(createField('articles', { field: 'author', type: 'integer', schema: {}, meta: { interface: 'select-dropdown-m2o' } }));
	await admin.request(createRelation({ collection: 'articles', field: 'author', related_collection: 'authors' }));
}

/** An active webhook flow whose one operation answers `{ echoed: <the posted word> }`; answers the flow's id. */
export async function createEchoFlow(admin: MantleClient): Promise<string> {
	const flow = await admin.request(
		createFlow({ name: 'Echo', status: 'active', trigger: 'webhook', accountability: 'all', options: { method: 'POST', return: '$last' } }),
	);
	const operation = await admin.request(
		createOperation({
			flow: flow.id,
			key: 'echo',
			name: 'Echo',
			type: 'transform',
			position_x: 1,
			position_y: 1,
			options: { json: { echoed: '{{$trigger.body.word}}' } },
		}),
	);
	await admin.request(updateFlow(flow.id, { operation: operation.id }));
	return flow.id;
}

export interface SharedServer extends SdkServer {
	/** Whether the server has a route (anything but 404 ROUTE_NOT_FOUND answers it). */
	has(path: string): Promise<boolean>;
	stop(): Promise<void>;
}

/** One kernel for a whole test file, for tests that each work in their own collections. */
export async function sharedServer(env: Record<string, string> = {}): Promise<SharedServer> {
	const db = await createTestDatabase('sqlite');
	const kernel = await startKernel(db, env);
	const admin = createClient(kernel.url, { token: adminToken });
	return {
		kernel,
		url: kernel.url,
		db,
		admin,
		async has(path) {
			const response = await fetch(`${kernel.url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
			const body = await response.json().catch(() => null);
			return !(response.status === 404 && body?.errors?.[0]?.extensions?.code === 'ROUTE_NOT_FOUND');
		},
		async stop() {
			await kernel.stop();
			await db.drop();
		},
	};
}
