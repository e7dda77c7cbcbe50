import { Validator } from '@seriousme/openapi-schema-validator';
import { createCollection, readOpenApiSpec } from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addArticles, addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient } from './sdk-clients.js';

async function validate(spec: unknown): Promise<{ valid: boolean; errors: unknown }> {
	const validator = new Validator();
	const result = await validator.validate(spec as Parameters<Validator['validate']>[0]);
	return { valid: result.valid, errors: result.errors };
}

type Spec = {
	openapi: string;
	paths: Record<string, Record<string, unknown>>;
	components: { schemas: Record<string, { properties: Record<string, unknown> }> };
};

vendorTest('server specs: the OpenAPI document is valid 3.1 and lists a collection created a moment before', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		await addArticles(running.url, ['Spring']);
		const before = (await admin.request(readOpenApiSpec())) as unknown as Spec;
		t.is(before.openapi, '3.1.0');
		t.false('/items/events' in before.paths);
		await admin.request(
			createCollection({
				collection: 'events',
				schema: {},
				meta: {},
				fields: [
					{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
					{ field: 'starts_on', type: 'date' },
				],
			} as never),
		);

		const spec = (await admin.request(readOpenApiSpec())) as unknown as Spec;
		const result = await validate(spec);
		t.true(result.valid, JSON.stringify(result.errors, null, 1)?.slice(0, 2000));
		t.deepEqual(Object.keys(spec.paths['/items/events']!).sort(), ['get', 'post']);
		t.deepEqual(Object.keys(spec.paths['/items/events/{id}']!).sort(), ['delete', 'get', 'parameters', 'patch']);
		t.deepEqual(spec.components.schemas.events!.properties.starts_on, { type: ['string', 'null'], format: 'date' });
		t.truthy(spec.components.schemas.articles!.properties.title);
		t.truthy(spec.paths['/users'], 'system collections appear under their own routes');
	} finally {
		await running.stop();
	}
});

vendorTest("server specs: a restricted caller's document holds only the collections, fields and operations they may use", async (t, db) => {
	const running = await startKernel(db);
	try {
		await addArticles(running.url, ['Spring']);
		const adminSpec = (await adminClient(running.url).request(readOpenApiSpec())) as unknown as Spec;
		t.truthy(adminSpec.paths['/items/articles']);
		const reader = await addPerson(running, db, 'rita', [{ collection: 'articles', action: 'read', fields: 'id,title' }]);
		const spec = (await reader.client.request(readOpenApiSpec())) as unknown as Spec;
		t.true((await validate(spec)).valid);
		t.deepEqual(Object.keys(spec.paths).sort(), ['/items/articles', '/items/articles/{id}']);
		t.deepEqual(Object.keys(spec.paths['/items/articles']!), ['get'], 'no create without a create permission');
		t.deepEqual(Object.keys(spec.paths['/items/articles/{id}']!).sort(), ['get', 'parameters']);
		t.deepEqual(Object.keys(spec.components.schemas.articles!.properties).sort(), ['id', 'title'], 'status and sort are hidden from her');
		t.deepEqual(Object.keys(spec.components.schemas).sort(), ['articles']);

		const anonymous = (await anonymousClient(running.url).request(readOpenApiSpec())) as unknown as Spec;
		t.true((await validate(anonymous)).valid);
		t.deepEqual(anonymous.paths, {}, 'the public sees nothing it may not read');
	} finally {
		await running.stop();
	}
});
