import { createError, type EndpointRequest, type Item, type ItemsCapability } from '@mantle/extensions-sdk';

const forbidden = () => createError('FORBIDDEN');

/**
 * What a non-admin may share: an item of a collection they hold the `share` permission on and may
 * read, as their own role (the default) — never as another role, which could read more than they.
 */
export async function checkNewShare(items: ItemsCapability, request: EndpointRequest, item: Item): Promise<Item> {
	const { accountability } = request;
	const { collection, item: key } = item;
	if (typeof collection !== 'string' || collection === '') throw createError('fieldRequired', { field: 'collection' });
	if ((typeof key !== 'string' && typeof key !== 'number') || key === '') throw createError('fieldRequired', { field: 'item' });
	if (accountability.policies.length === 0) throw forbidden();
	const grants = await items('directus_permissions', { accountability: null }).readByQuery({
		fields: ['id'],
		filter: { _and: [{ collection: { _eq: collection } }, { action: { _eq: 'share' } }, { policy: { _in: accountability.policies } }] },
		limit: 1,
	});
	if (grants.length === 0) throw forbidden();
	await items(collection, { accountability }).readOne(key, { fields: [(await items(collection, { accountability: null }).info()).primary] });
	const role = item.role === undefined ? accountability.role : item.role;
	if (role === null || !accountability.roles.includes(String(role))) throw createError('shareRoleRefused');
	return { ...item, item: String(key), role };
}
