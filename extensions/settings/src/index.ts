import { createError, defineEndpoint, plainQuery, type EndpointRequest, type Item, type ItemsCapability, type QueryInput } from '@mantle/extensions-sdk';

/** What the Studio's sign-in page shows before anyone is signed in. */
const publicFields = [
	'project_name',
	'project_descriptor',
	'project_url',
	'project_color',
	'project_logo',
	'public_foreground',
	'public_background',
	'public_favicon',
	'public_note',
	'default_language',
	'default_appearance',
	'default_theme_light',
	'default_theme_dark',
	'theme_light_overrides',
	'theme_dark_overrides',
	'custom_css',
	'public_registration',
	'public_registration_verify_email',
];

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
