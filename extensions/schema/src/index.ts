import { createError, defineEndpoint } from '@mantle/extensions-sdk';
import Joi from 'joi';
import { parse, stringify } from 'yaml';

const exportTypes = {
	json: { contentType: 'application/json; charset=utf-8', write: (value: unknown) => `${JSON.stringify(value, null, 2)}\n` },
	yaml: { contentType: 'text/yaml; charset=utf-8', write: (value: unknown) => stringify(value) },
} as const;

/** A snapshot sent as JSON arrives parsed; one sent as text is YAML (of which JSON is a subset). */
function readSnapshot(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	try {
		return parse(body);
	} catch (error) {
		throw createError('INVALID_PAYLOAD', `Invalid payload. The snapshot is neither JSON nor YAML: ${(error as Error).message}`);
	}
}

/** `/schema`: snapshot, diff and apply the data model, as Directus does. */
export default defineEndpoint<'schema'>({
	id: 'schema',
	handler(router, { schema }) {
		// `?export=json|yaml` downloads the snapshot as a file instead of answering it as data.
		const snapshotQuery = Joi.object({ export: Joi.string().valid(...Object.keys(exportTypes)) }).unknown(true);
		router.get(
			'/snapshot',
			async ({ accountability, query }) => {
				const snapshot = await schema.snapshot(accountability);
				if (query.export === undefined) return { body: { data: snapshot } };
				const format = exportTypes[query.export as keyof typeof exportTypes];
				const filename = `snapshot-${new Date().toISOString().replace(/[:.]/g, '-')}.${query.export}`;
				return { headers: { 'content-type': format.contentType, 'content-disposition': `attachment; filename="${filename}"` }, body: format.write(snapshot) };
			},
			{ validate: { query: snapshotQuery } },
		);

		router.post('/diff', async ({ accountability, query, body }) => {
			const result = await schema.diff(accountability, readSnapshot(body), { force: query.force === 'true' });
			const { collections, fields, relations } = result.diff;
			if (collections.length + fields.length + relations.length === 0) return { status: 204 };
			return { body: { data: result } };
		});

		router.post('/apply', async ({ accountability, body }) => {
			await schema.apply(accountability, body);
			return { status: 204 };
		});
	},
});
