import { createError, defineEndpoint, plainQuery, type EndpointRequest, type Item, type ItemsCapability, type QueryInput } from '@mantle/extensions-sdk';
import { publicFields } from './public-fields.js';

/**
 * `/settings`: the project's one settings item. Whoever holds a permission on it reads and
 * changes it through that permission (admins: all of it). Without one, signed-in users of the
 * Studio still read it whole, as the Studio needs, and anyone else reads the public fields the
 * sign-in page shows; neither may follow its relations.
 */
export default defineEndpoint<'items'>({
	id: 'settings',
	handler(router, { items }) {
		router.get('/', async (request) => ({ body: { data: await readSettings(items, request, request.query) } }));

		router.patch('/', async (request) => {
			if (typeof request.body !== 'object' || request.body === null || Array.isArray(request.body)) throw createError('bodyNotObject');
			await items('directus_settings', { accountability: request.accountability }).upsertSingleton(request.body as Item);
			return { body: { data: await readSettings(items, request, request.query) } };
		});
	},
});

async function readSettings(items: ItemsCapability, request: EndpointRequest, query: QueryInput): Promise<Item> {
	try {
		return await items('directus_settings', { accountability: request.accountability }).readSingleton(query);
	} catch (error) {
		if ((error as { code?: string }).code !== 'FORBIDDEN') throw error;
	}
	const plain = plainQuery(query) as { fields?: string[] };
	const everything = Boolean(request.accountability.user && request.accountability.app);
	const asked = plain.fields && !plain.fields.includes('*') ? plain.fields : undefined;
	const fields = everything ? (asked ?? ['*']) : (asked ?? publicFields).filter((field) => publicFields.includes(field));
	if (fields.length === 0) throw createError('FORBIDDEN');
	return items('directus_settings', { accountability: null }).readSingleton({ fields });
}
