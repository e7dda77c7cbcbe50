import { createError, defineEndpoint } from '@mantle/extensions-sdk';
import Joi from 'joi';

const exportTypes = {
	json: { contentType: 'application/json; charset=utf-8', write: (value: unknown) => `${JSON.stringify(value, null, 2)}\n` },
	// YAML is loaded by the first YAML export or upload, not at every start.
	yaml: { contentType: 'text/yaml; charset=utf-8', write: async (value: unknown) => (await import('yaml')).stringify(value) },
} as const;

/** A snapshot sent as JSON arrives parsed; one sent as text is YAML (of which JSON is a subset). */
async function readSnapshot(body: unknown): Promise<unknown> {
	if (typeof body !== 'string') return body;
	const { parse } = await import('yaml');
	try {
		return parse(body);
	} catch (error) {
		throw createError('snapshotNotParsed', { reason: (error as Error).message });
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
				return {
					headers: { 'content-type': format.contentType, 'content-disposition': `attachment; filename="${filename}"` },
					body: await format.write(snapshot),
				};
			},
			{ validate: { query: snapshotQuery } },
		);

		router.post('/diff', async ({ accountability, query, body }) => {
			const result = await schema.diff(accountability, await readSnapshot(body), { force: query.force === 'true' });
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
