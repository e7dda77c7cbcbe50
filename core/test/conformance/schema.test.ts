import {
	createCollection,
	createField,
	createRelation,
	deleteCollection,
	deleteField,
	deleteRelation,
	readCollection,
	readCollections,
	readField,
	readFields,
	readFieldsByCollection,
	readRelation,
	readRelationByCollection,
	readRelations,
	schemaApply,
	schemaDiff,
	schemaSnapshot,
	updateCollection,
	updateField,
	updateRelation,
} from '@directus/sdk';
import { startKernel } from '../helpers/kernel.js';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminClient, sdkError } from './sdk-clients.js';

vendorTest('collections, fields and relations through the SDK, with the field schema clients read', async (t, db) => {
	const server = await startKernel(db);
	try {
		const client = adminClient(server.url);
		const created = await client.request(
			createCollection({
				collection: 'books',
				schema: {},
				meta: { icon: 'book', note: 'What we read' },
				fields: [
					{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
					{ field: 'title', type: 'string', schema: { max_length: 120, is_nullable: false } },
				],
			} as never),
		);
		t.like(created, { collection: 'books', meta: { icon: 'book', note: 'What we read' }, schema: { name: 'books' } });
		t.true((await client.request(readCollections())).some((info) => info.collection === 'books'));
		t.like(await client.request(readCollection('books')), { collection: 'books', meta: { icon: 'book' } });
		t.like(await client.request(updateCollection('books', { meta: { note: 'Shelved' } })), { meta: { note: 'Shelved', icon: 'book' } });

		// The bare type, the length beside it, as Directus reports it on every vendor.
		const title = await client.request(readField('books', 'title'));
		t.like(title, { collection: 'books', field: 'title', type: 'string', schema: { max_length: 120, is_nullable: false } });
		t.regex(title.schema!.data_type, /^(varchar|character varying)$/);

		// A json field is marked cast-json whatever the vendor's column.
		const details = await client.request(createField('books', { field: 'details', type: 'json', meta: { interface: 'input-code' } } as never));
		t.like(details, { type: 'json', meta: { interface: 'input-code' } });
		t.deepEqual(details.meta?.special, ['cast-json']);
		const tags = await client.request(createField('books', { field: 'labels', type: 'csv' } as never));
		t.deepEqual(tags.meta?.special, ['cast-csv']);
		t.like(await client.request(updateField('books', 'details', { meta: { note: 'Free-form' } } as never)), {
			meta: { note: 'Free-form', special: ['cast-json'] },
		});
		t.deepEqual(
			(await client.request(readFieldsByCollection('books'))).map((field) => field.field),
			['id', 'title', 'details', 'labels'],
		);
		t.true((await client.request(readFields())).some((field) => field.collection === 'books' && field.field === 'details'));

		await client.request(
			createCollection({
				collection: 'shelves',
				schema: {},
				meta: {},
				fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }],
			} as never),
		);
		await client.request(createField('books', { field: 'shelf', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' } } as never));
		const relation = await client.request(
			createRelation({
				collection: 'books',
				field: 'shelf',
				related_collection: 'shelves',
				meta: { one_field: 'books' },
				schema: { on_delete: 'SET NULL' },
			} as never),
		);
		t.like(relation, { collection: 'books', field: 'shelf', related_collection: 'shelves', meta: { one_field: 'books' }, schema: { on_delete: 'SET NULL' } });
		t.like(await client.request(readRelation('books', 'shelf')), { related_collection: 'shelves' });
		t.true((await client.request(readRelationByCollection('books'))).some((r) => r.field === 'shelf'));
		t.true((await client.request(readRelations())).some((r) => r.collection === 'books' && r.field === 'shelf'));
		t.like(await client.request(updateRelation('books', 'shelf', { schema: { on_delete: 'CASCADE' } } as never)), { schema: { on_delete: 'CASCADE' } });
		t.like(await client.request(readField('shelves', 'books')), { type: 'alias', meta: { special: ['o2m'] } });

		// System collections carry the aliases and list fields clients rely on.
		t.like(await client.request(readField('directus_roles', 'policies')), { type: 'alias', meta: { special: ['o2m'] } });
		t.like(await client.request(readField('directus_permissions', 'fields')), { type: 'csv', meta: { special: ['cast-csv'] } });
		t.like(await client.request(readRelation('directus_access', 'policy')), {
			related_collection: 'directus_policies',
			meta: { one_field: 'roles', junction_field: 'role' },
		});

		await client.request(deleteRelation('books', 'shelf'));
		t.like(await sdkError(client.request(readRelation('books', 'shelf'))), { status: 403, code: 'FORBIDDEN' });
		await client.request(deleteField('books', 'labels'));
		t.like(await sdkError(client.request(readField('books', 'labels'))), { status: 403, code: 'FORBIDDEN' });
		await client.request(deleteCollection('shelves'));
		t.like(await sdkError(client.request(readCollection('shelves'))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(client.request(createField('books', { field: 'title', type: 'string' } as never))), { status: 400, code: 'INVALID_PAYLOAD' });
	} finally {
		await server.stop();
	}
});

vendorTest('schema snapshot, diff and apply through the SDK bring a changed model back to the snapshot', async (t, db) => {
	const server = await startKernel(db);
	try {
		const client = adminClient(server.url);
		await client.request(
			createCollection({
				collection: 'notes',
				schema: {},
				meta: { icon: 'note' },
				fields: [
					{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
					{ field: 'body', type: 'text', schema: {} },
				],
			} as never),
		);
		const snapshot = await client.request(schemaSnapshot());
		t.true(snapshot.collections.some((info) => info.collection === 'notes'));
		t.true(snapshot.fields.some((field) => field.collection === 'notes' && field.field === 'body'));
		t.false(snapshot.collections.some((info) => info.collection.startsWith('directus_')));

		// Drop a field, then diff against the snapshot and apply: the field comes back.
		await client.request(deleteField('notes', 'body'));
		const diff = await client.request(schemaDiff(snapshot));
		t.truthy(diff);
		t.true(diff.diff.fields.some((change: { collection: string; field: string }) => change.collection === 'notes' && change.field === 'body'));
		await client.request(schemaApply(diff));
		t.like(await client.request(readField('notes', 'body')), { type: 'text' });
		// Nothing left to do: an empty diff answers 204, which the SDK hands back as the bare response.
		t.is(((await client.request(schemaDiff(snapshot))) as unknown as Response).status, 204);
	} finally {
		await server.stop();
	}
});
