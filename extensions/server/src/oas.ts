import type { Accountability, ItemsCapability, Router, SchemaCapability } from '@mantle/extensions-sdk';
import { collectionPaths, collectionSchema, schemaRef, sharedComponents, type CollectionDoc, type Grants } from './oas-document.js';

type Json = Record<string, unknown>;

/**
 * `GET /server/specs/oas`: an OpenAPI 3.1 document of the API as the caller sees it — the
 * collections and fields they may read, and only the operations they may perform — built from the
 * live schema, so a collection created a moment ago is in it.
 */
export function registerOasRoute(router: Router, schema: SchemaCapability, items: ItemsCapability): void {
	router.get('/specs/oas', async ({ accountability, headers }) => {
		const grants = await grantsOf(items, accountability);
		const collections = (await schema.collections.list(accountability)).filter((entry) => entry.schema);
		const fields = await schema.fields.list(accountability);
		const docs: CollectionDoc[] = [];
		for (const entry of collections) {
			const name = String(entry.collection);
			const actions = grants(name);
			if (!actions.has('read')) continue;
			const readable = fields.filter((field) => field.collection === name && actions.fieldAllowed(String(field.field)));
			docs.push({ name, fields: readable, actions, singleton: Boolean((entry.meta as Json | null)?.singleton) });
		}
		const host = typeof headers.host === 'string' ? headers.host : undefined;
		const document: Json = {
			openapi: '3.1.0',
			info: { title: 'Mantle', version: '1.0.0', description: 'The collections and operations available to the caller of this document.' },
			...(host ? { servers: [{ url: `http://${host}` }] } : {}),
			paths: Object.fromEntries(docs.flatMap(collectionPaths)),
			components: { ...sharedComponents, schemas: Object.fromEntries(docs.map((doc) => [schemaRef(doc.name), collectionSchema(doc)])) },
			security: [{ bearer: [] }, {}],
		};
		return { body: document };
	});
}

/**
 * What the caller may do per collection. Admins may do everything; anyone else what their
 * policies' permission rows grant, read as the system since permission rows are not theirs to read.
 */
async function grantsOf(items: ItemsCapability, accountability: Accountability): Promise<(collection: string) => Grants> {
	if (accountability.admin) return () => allGranted;
	const rows =
		accountability.policies.length === 0
			? []
			: await items('directus_permissions', { accountability: null }).readByQuery({
					fields: ['collection', 'action', 'fields'],
					filter: { policy: { _in: accountability.policies } },
					limit: -1,
				});
	return (collection) => {
		const mine = rows.filter((row) => row.collection === collection);
		const actions = new Set(mine.map((row) => String(row.action)));
		const readFields = mine.filter((row) => row.action === 'read').flatMap((row) => fieldList(row.fields));
		return {
			has: (action) => actions.has(action),
			fieldAllowed: (field) => readFields.includes('*') || readFields.includes(field),
		};
	};
}

const allGranted: Grants = { has: () => true, fieldAllowed: () => true };

function fieldList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string'
		? value
				.split(',')
				.map((name) => name.trim())
				.filter(Boolean)
		: [];
}
