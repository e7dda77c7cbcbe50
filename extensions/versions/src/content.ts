import { createError, type EndpointRequest, type Item, type ItemsCapability, type PrimaryKey, type Router } from '@mantle/extensions-sdk';
import { hashOf } from './hash.js';

/** Create, save, compare and promote: what a version does beyond being an item. */
export function versionRoutes(router: Router, items: ItemsCapability): void {
	const versions = (request: EndpointRequest) => items('directus_versions', { accountability: request.accountability });

	/** The main item as it stands, read by the system only to fingerprint it. */
	const mainHash = async (collection: string, item: string): Promise<string> => hashOf(await items(collection, { accountability: null }).readOne(item));

	/** As in Directus, only collections whose settings turn content versioning on have versions. */
	const versioningEnabled = async (collection: string): Promise<boolean> => {
		const [meta] = await items('directus_collections', { accountability: null }).readByQuery({
			fields: ['versioning'],
			filter: { collection: { _eq: collection } },
			limit: 1,
		});
		return meta?.versioning === true || meta?.versioning === 1 || meta?.versioning === '1';
	};

	const readVersion = async (request: EndpointRequest) => {
		const version = await versions(request).readOne(request.params.pk!, { fields: ['id', 'collection', 'item', 'hash', 'delta'] });
		return {
			id: version.id as PrimaryKey,
			collection: String(version.collection),
			item: String(version.item),
			hash: version.hash,
			delta: deltaOf(version.delta),
		};
	};

	router.post('/', async (request) => {
		const body = isObject(request.body) ? request.body : undefined;
		if (!body) throw createError('versionBodyInvalid');
		const { key, collection, item } = body;
		if (typeof key !== 'string' || !/^[\w-]{1,64}$/.test(key) || key === 'main') throw createError('versionKeyInvalid');
		if (typeof collection !== 'string' || collection === '') throw createError('fieldRequired', { field: 'collection' });
		if ((typeof item !== 'string' && typeof item !== 'number') || item === '') throw createError('fieldRequired', { field: 'item' });
		// The item must exist and be readable by the caller; FORBIDDEN otherwise, as for any read.
		await items(collection, { accountability: request.accountability }).readOne(item);
		if (!(await versioningEnabled(collection))) throw createError('versioningDisabled', { collection });
		const service = versions(request);
		const taken = await items('directus_versions', { accountability: null }).readByQuery({
			fields: ['id'],
			filter: { _and: [{ collection: { _eq: collection } }, { item: { _eq: String(item) } }, { key: { _eq: key } }] },
			limit: 1,
		});
		if (taken.length > 0)
			throw createError(
				'versionKeyTaken',
				{ item: String(item), collection, key },
				{
					collection: 'directus_versions',
					field: 'key',
				},
			);
		const id = await service.createOne({
			key,
			name: typeof body.name === 'string' ? body.name : null,
			collection,
			item: String(item),
			hash: await mainHash(collection, String(item)),
			delta: null,
			user_created: request.accountability.user,
		});
		try {
			return { body: { data: await service.readOne(id, request.query) } };
		} catch (error) {
			if ((error as { code?: string }).code === 'FORBIDDEN') return { status: 204 };
			throw error;
		}
	});

	// Merges the changes into the version's delta; answers the item as the version now has it.
	router.post('/:pk/save', async (request) => {
		if (!isObject(request.body)) throw createError('bodyNotObject');
		const version = await readVersion(request);
		const main = await items(version.collection, { accountability: request.accountability }).readOne(version.item);
		const delta = { ...version.delta, ...request.body };
		await versions(request).updateOne(version.id, { delta, user_updated: request.accountability.user, date_updated: new Date().toISOString() });
		return { body: { data: { ...main, ...delta } } };
	});

	router.get('/:pk/compare', async (request) => {
		const version = await readVersion(request);
		const main = await items(version.collection, { accountability: request.accountability }).readOne(version.item);
		const current = await mainHash(version.collection, version.item);
		return { body: { data: { outdated: current !== version.hash, mainHash: current, current: version.delta, main } } };
	});

	// Applies the delta (or the listed fields of it) to the main item with the caller's permissions.
	router.post('/:pk/promote', async (request) => {
		const body = isObject(request.body) ? request.body : {};
		const version = await readVersion(request);
		const main = items(version.collection, { accountability: request.accountability });
		await main.readOne(version.item);
		if (typeof body.mainHash === 'string' && body.mainHash !== (await mainHash(version.collection, version.item))) {
			throw createError('versionMainChanged');
		}
		const fields = Array.isArray(body.fields) ? body.fields.map(String) : undefined;
		const changes = fields ? Object.fromEntries(Object.entries(version.delta).filter(([field]) => fields.includes(field))) : version.delta;
		if (Object.keys(changes).length > 0) await main.updateOne(version.item, changes);
		return { body: { data: version.item } };
	});
}

function deltaOf(value: unknown): Item {
	const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
	return isObject(parsed) ? parsed : {};
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
