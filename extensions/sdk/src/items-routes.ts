import type { EndpointRequest, EndpointResponse, Router } from './endpoint.js';
import { createError } from './errors.js';
import type { ItemsCapability, ItemsService, PrimaryKey, Query, QueryInput } from './items.js';
import { isObject, metaOf, queryOfBody } from './route-input.js';
import type { VersionModel } from './version-delta.js';
import { readVersion } from './version-read.js';

export interface ItemsRoutesOptions {
	/** The collection of every route, or a function reading it from the request (`/items/:collection`). */
	collection: string | ((request: EndpointRequest) => string);
	/** Only reads (`/activity`, `/revisions`). */
	readOnly?: boolean;
	/** Collections marked singleton read and write their one item without a key. */
	singletons?: boolean;
	/** Path prefix of the routes inside the extension, e.g. `/:collection` for `/items`. */
	prefix?: string;
	/** How `?version=<key>` reads the data model; without it the parameter is not served. */
	versions?: (request: EndpointRequest) => VersionModel;
}

/**
 * The Directus-style routes of a collection — list, SEARCH, read one, create one or many,
 * update one, many or by query, delete — over the `items` capability, with the caller's
 * permissions. Writes answer with the written items as the request's `fields` ask, or 204 when
 * the caller may write but not read them.
 */
export function itemsRoutes(router: Router, items: ItemsCapability, options: ItemsRoutesOptions): void {
	const prefix = options.prefix ?? '';
	const root = prefix || '/';
	const serviceOf = (request: EndpointRequest): ItemsService => {
		const collection = typeof options.collection === 'string' ? options.collection : options.collection(request);
		return items(collection, { accountability: request.accountability });
	};
	const isSingleton = async (request: EndpointRequest) => Boolean(options.singletons) && (await serviceOf(request).info()).singleton;

	/** `?version=<key>`: the item as that content version has it; undefined when no version (or `main`) is asked for. */
	const versioned = async (request: EndpointRequest, key: PrimaryKey | null) => {
		const { version, ...query } = request.query as Record<string, unknown>;
		if (!options.versions || typeof version !== 'string' || version === '' || version === 'main') return undefined;
		return readVersion({
			items,
			accountability: request.accountability,
			model: options.versions(request),
			collection: typeof options.collection === 'string' ? options.collection : options.collection(request),
			key,
			version,
			query: parsedQuery(query),
		});
	};

	const list = async (request: EndpointRequest, query: QueryInput): Promise<EndpointResponse> => {
		const service = serviceOf(request);
		if (await isSingleton(request)) return { body: { data: (await versioned(request, null)) ?? (await service.readSingleton(query)) } };
		if ((query as { export?: unknown }).export) {
			const file = await service.export(query);
			return { headers: { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.filename}"` }, body: file.stream };
		}
		const data = await service.readByQuery(query);
		const metaKeys = metaOf(query);
		return { body: metaKeys.length > 0 ? { data, meta: await service.meta(query, metaKeys) } : { data } };
	};

	router.get(root, (request) => list(request, request.query));
	router.search(root, (request) => list(request, queryOfBody(request.body)));
	router.get(`${prefix}/:pk`, async (request) => ({
		body: { data: (await versioned(request, request.params.pk!)) ?? (await serviceOf(request).readOne(request.params.pk!, request.query)) },
	}));
	if (options.readOnly) return;

	router.post(root, async (request) => {
		const service = serviceOf(request);
		if (Array.isArray(request.body)) return written(service, await service.createMany(request.body as object[] as never), request, true);
		if (!isObject(request.body)) throw createError('bodyNotItems');
		return written(service, [await service.createOne(request.body)], request, false);
	});
	router.patch(root, async (request) => {
		const service = serviceOf(request);
		const body = request.body;
		if (await isSingleton(request)) {
			if (!isObject(body)) throw createError('bodyNotObject');
			await service.upsertSingleton(body);
			return { body: { data: await service.readSingleton(request.query) } };
		}
		if (Array.isArray(body)) return written(service, await service.updateBatch(body as never), request, true);
		if (isObject(body) && Array.isArray(body.keys) && isObject(body.data))
			return written(service, await service.updateMany(body.keys as PrimaryKey[], body.data), request, true);
		if (isObject(body) && isObject(body.query) && isObject(body.data))
			return written(service, await service.updateByQuery(body.query, body.data), request, true);
		throw createError('bodyNotBatch');
	});
	router.patch(`${prefix}/:pk`, async (request) => {
		if (!isObject(request.body)) throw createError('bodyNotObject');
		const service = serviceOf(request);
		return written(service, [await service.updateOne(request.params.pk!, request.body)], request, false);
	});
	router.delete(root, async (request) => {
		const service = serviceOf(request);
		const body = request.body;
		if (Array.isArray(body)) await service.deleteMany(body as PrimaryKey[]);
		else if (isObject(body) && Array.isArray(body.keys)) await service.deleteMany(body.keys as PrimaryKey[]);
		else if (isObject(body) && isObject(body.query)) await service.deleteByQuery(body.query);
		else throw createError('bodyNotKeysOrQuery');
		return { status: 204 };
	});
	router.delete(`${prefix}/:pk`, async (request) => {
		await serviceOf(request).deleteOne(request.params.pk!);
		return { status: 204 };
	});
}

async function written(service: ItemsService, keys: PrimaryKey[], request: EndpointRequest, many: boolean): Promise<EndpointResponse> {
	try {
		const data = many
			? inKeyOrder(await service.readMany(keys, request.query), keys, (await service.info()).primary)
			: await service.readOne(keys[0]!, request.query);
		return { body: { data } };
	} catch (error) {
		if ((error as { code?: string }).code === 'FORBIDDEN') return { status: 204 };
		throw error;
	}
}

/** The parts of a request's query a version read looks into (`fields`, `deep`) as a parsed query; the rest stays as sent. */
function parsedQuery(query: Record<string, unknown>): Query {
	const fields = typeof query.fields === 'string' ? query.fields.split(',').map((field) => field.trim()) : query.fields;
	let deep = query.deep;
	if (typeof deep === 'string') {
		try {
			deep = JSON.parse(deep) as unknown;
		} catch {
			throw createError('parameterNotJson', { parameter: 'deep' });
		}
	}
	return { ...query, ...(fields === undefined ? {} : { fields }), ...(deep === undefined ? {} : { deep }) } as Query;
}

/** Items in the order of `keys`, as clients pair what they sent with what comes back; unchanged when the key was not asked for. */
export function inKeyOrder<T extends Record<string, unknown>>(rows: T[], keys: PrimaryKey[], primary: string): T[] {
	if (!rows.every((row) => row[primary] !== undefined)) return rows;
	const position = new Map(keys.map((key, index) => [String(key), index]));
	return [...rows].sort((a, b) => (position.get(String(a[primary])) ?? 0) - (position.get(String(b[primary])) ?? 0));
}
