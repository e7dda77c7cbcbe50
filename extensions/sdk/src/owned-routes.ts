import type { Accountability } from './accountability.js';
import type { EndpointRequest, EndpointResponse, Router } from './endpoint.js';
import { createError } from './errors.js';
import { inKeyOrder } from './items-routes.js';
import type { Filter, Item, ItemsCapability, ItemsService, PrimaryKey, QueryInput } from './items.js';
import { isObject, metaOf, queryOfBody } from './route-input.js';

export interface OwnedRoutesOptions {
	collection: string;
	/** The rows a signed-in non-admin may read without any permission of their own (their presets, their notifications). */
	readRule(accountability: Accountability & { user: string }): Filter;
	/** The rows they may change or delete; `null` leaves updates (or deletes) to their permissions. */
	updateRule: ((accountability: Accountability & { user: string }) => Filter) | null;
	deleteRule: ((accountability: Accountability & { user: string }) => Filter) | null;
	/** Fields they may change on their own rows; undefined means every field but the key and `owner`. */
	updatableFields?: readonly string[];
	/**
	 * The field naming the owner: a created row gets the caller there (another user's id is
	 * refused), and an update may not hand a row to someone else. Without it, creating is left to
	 * the caller's permissions.
	 */
	owner?: string;
	/** Checks (and may complete) an item a non-admin creates, before it is written. */
	checkCreate?(request: EndpointRequest, item: Item): Promise<Item>;
}

/**
 * Directus-style routes over a system collection whose rows belong to users. Admins see and
 * change everything; a signed-in user reaches their own rows as the rules say, whatever their
 * policies grant; anyone else is refused. Own rows are read by the data engine on the caller's
 * behalf with the rule added to their filter, so the query is kept to plain fields of the
 * collection: a relational path would read other collections past the caller's permissions.
 */
export function ownedRoutes(router: Router, items: ItemsCapability, options: OwnedRoutesOptions): void {
	const { collection } = options;
	const adminService = (request: EndpointRequest) => items(collection, { accountability: request.accountability });
	// Own rows are read and written for the caller, rule in place of permissions; the caller stays
	// named, so activity and revisions record who acted.
	const ownService = (request: EndpointRequest) => items(collection, { accountability: { ...request.accountability, admin: true }, plainWrites: true });

	const read = async (request: EndpointRequest, raw: QueryInput, keys?: PrimaryKey[]): Promise<{ data: Item[]; service: ItemsService; query: QueryInput }> => {
		if (request.accountability.admin) {
			const service = adminService(request);
			const query = keys ? withFilter(raw, { [(await service.info()).primary]: { _in: keys } }) : raw;
			return { data: await service.readByQuery(query), service, query };
		}
		const caller = signedIn(request.accountability);
		const service = ownService(request);
		let query = withFilter(plainQuery(raw), options.readRule(caller));
		if (keys) query = withFilter(query, { [(await service.info()).primary]: { _in: keys } });
		return { data: await service.readByQuery(query), service, query };
	};

	const list = async (request: EndpointRequest, raw: QueryInput): Promise<EndpointResponse> => {
		const { data, service, query } = await read(request, raw);
		const metaKeys = metaOf(raw);
		if (metaKeys.length === 0) return { body: { data } };
		if (request.accountability.admin) return { body: { data, meta: await service.meta(query, metaKeys) } };
		// Acting for the caller counts every row as "total": theirs are what the rule leaves.
		const meta: Record<string, number | undefined> = {};
		if (metaKeys.includes('filter_count')) meta.filter_count = (await service.meta(query, ['filter_count'])).filter_count;
		if (metaKeys.includes('total_count'))
			meta.total_count = (await service.meta({ filter: options.readRule(signedIn(request.accountability)) }, ['filter_count'])).filter_count;
		return { body: { data, meta } };
	};

	const one = async (request: EndpointRequest, key: PrimaryKey): Promise<Item> => {
		const { data } = await read(request, { ...request.query, limit: 1, offset: 0, page: undefined }, [key]);
		if (!data[0]) throw createError('FORBIDDEN');
		return data[0];
	};

	const answer = async (request: EndpointRequest, keys: PrimaryKey[], many: boolean): Promise<EndpointResponse> => {
		const { data, service } = await read(request, { ...request.query, limit: -1 }, keys);
		if (!many) return data[0] ? { body: { data: data[0] } } : { status: 204 };
		return { body: { data: inKeyOrder(data, keys, (await service.info()).primary) } };
	};

	/** The keys among `keys` the caller may touch under `rule`; any other key is FORBIDDEN, as Directus answers. */
	const checkOwn = async (request: EndpointRequest, keys: PrimaryKey[], rule: OwnedRoutesOptions['updateRule']): Promise<ItemsService> => {
		if (request.accountability.admin || !rule) return adminService(request);
		const caller = signedIn(request.accountability);
		const service = ownService(request);
		const { primary } = await service.info();
		const found = await service.readByQuery({ fields: [primary], filter: { _and: [rule(caller), { [primary]: { _in: keys } }] }, limit: -1 });
		const own = new Set(found.map((row) => String(row[primary])));
		if (keys.some((key) => !own.has(String(key)))) throw createError('FORBIDDEN');
		return service;
	};

	const changes = (request: EndpointRequest, data: unknown): Item => {
		if (!isObject(data)) throw createError('bodyNotObject');
		if (request.accountability.admin) return data;
		const caller = signedIn(request.accountability);
		for (const key of Object.keys(data)) {
			const allowed = options.updatableFields ? options.updatableFields.includes(key) : true;
			if (!allowed) throw createError('FORBIDDEN');
		}
		if (options.owner && options.owner in data && data[options.owner] !== caller.user) throw createError('ownerChangeRefused', { collection });
		return data;
	};

	const created = (request: EndpointRequest, data: unknown): Item => {
		if (!isObject(data)) throw createError('bodyNotItems');
		if (request.accountability.admin || !options.owner) return data;
		const caller = signedIn(request.accountability);
		const owner = data[options.owner];
		if (owner !== undefined && owner !== caller.user) throw createError('ownerCreateRefused', { collection });
		return { ...data, [options.owner]: caller.user };
	};

	router.get('/', (request) => list(request, request.query));
	router.search('/', (request) => list(request, queryOfBody(request.body)));
	router.get('/:pk', async (request) => ({ body: { data: await one(request, request.params.pk!) } }));

	router.post('/', async (request) => {
		const own = !request.accountability.admin && options.owner !== undefined;
		const service = own ? ownService(request) : adminService(request);
		if (own) signedIn(request.accountability);
		const prepare = async (item: unknown) => {
			const data = created(request, item);
			return options.checkCreate && !request.accountability.admin ? options.checkCreate(request, data) : data;
		};
		if (Array.isArray(request.body)) return answer(request, await service.createMany(await Promise.all(request.body.map(prepare))), true);
		return answer(request, [await service.createOne(await prepare(request.body))], false);
	});

	router.patch('/', async (request) => {
		const body = request.body;
		if (Array.isArray(body)) {
			const batch = body.map((item) => (isObject(item) ? item : {}));
			const { primary } = await adminService(request).info();
			const service = await checkOwn(
				request,
				batch.map((item) => item[primary] as PrimaryKey),
				options.updateRule,
			);
			const keys = await service.updateBatch(batch.map(({ [primary]: key, ...rest }) => ({ ...changes(request, rest), [primary]: key })));
			return answer(request, keys, true);
		}
		if (isObject(body) && Array.isArray(body.keys)) {
			const service = await checkOwn(request, body.keys as PrimaryKey[], options.updateRule);
			return answer(request, await service.updateMany(body.keys as PrimaryKey[], changes(request, body.data)), true);
		}
		if (isObject(body) && isObject(body.query)) {
			const { primary } = await adminService(request).info();
			const keys = (await read(request, { ...body.query, fields: [primary], limit: -1 })).data.map((row) => row[primary] as PrimaryKey);
			const service = await checkOwn(request, keys, options.updateRule);
			return answer(request, keys.length > 0 ? await service.updateMany(keys, changes(request, body.data)) : [], true);
		}
		throw createError('bodyNotBatch');
	});
	router.patch('/:pk', async (request) => {
		const service = await checkOwn(request, [request.params.pk!], options.updateRule);
		return answer(request, [await service.updateOne(request.params.pk!, changes(request, request.body))], false);
	});

	router.delete('/', async (request) => {
		const body = request.body;
		const keys = Array.isArray(body) ? (body as PrimaryKey[]) : isObject(body) && Array.isArray(body.keys) ? (body.keys as PrimaryKey[]) : undefined;
		if (!keys) throw createError('bodyNotKeys');
		await (await checkOwn(request, keys, options.deleteRule)).deleteMany(keys);
		return { status: 204 };
	});
	router.delete('/:pk', async (request) => {
		await (await checkOwn(request, [request.params.pk!], options.deleteRule)).deleteOne(request.params.pk!);
		return { status: 204 };
	});
}

function signedIn(accountability: Accountability): Accountability & { user: string } {
	if (!accountability.user) throw createError('FORBIDDEN');
	return accountability as Accountability & { user: string };
}

/** The caller's query with `rule` added to its filter. */
export function withFilter(query: QueryInput, rule: Filter): QueryInput {
	const raw = (query as { filter?: unknown }).filter;
	const filter = typeof raw === 'string' ? parseJson(raw, 'filter') : raw;
	return { ...query, filter: isObject(filter) && Object.keys(filter).length > 0 ? { _and: [rule, filter] } : rule };
}

const plainParameters = new Set(['fields', 'filter', 'search', 'sort', 'limit', 'offset', 'page', 'meta']);

/**
 * A query that names only the collection's own fields: no relational paths in fields, filter or
 * sort, no deep, alias or aggregate. What stays cannot reach past the collection's own rows.
 */
export function plainQuery(query: QueryInput): QueryInput {
	const raw = query as Record<string, unknown>;
	for (const [key, value] of Object.entries(raw)) {
		if (value !== undefined && !plainParameters.has(key)) throw createError('parameterUnavailable', { parameter: key });
	}
	const list = (value: unknown) => (typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value.map(String) : undefined);
	const fields = list(raw.fields);
	const sort = list(raw.sort);
	for (const name of [...(fields ?? []), ...(sort ?? [])]) {
		if (name.includes('.')) throw createError('ownFieldsOnlyNamed', { field: name });
	}
	const filter = typeof raw.filter === 'string' ? parseJson(raw.filter, 'filter') : raw.filter;
	if (filter !== undefined) checkPlainFilter(filter, 0);
	return { ...raw, ...(fields ? { fields } : {}), ...(sort ? { sort } : {}), ...(filter !== undefined ? { filter } : {}) };
}

function checkPlainFilter(filter: unknown, depth: number): void {
	if (depth > 20 || !isObject(filter)) throw createError('filterNotObject');
	for (const [key, rule] of Object.entries(filter)) {
		if (key === '_and' || key === '_or') {
			if (!Array.isArray(rule)) throw createError('filterTakesList', { operator: key });
			for (const part of rule) checkPlainFilter(part, depth + 1);
			continue;
		}
		if (key.includes('.') || !isObject(rule)) throw createError('ownFieldsOnlyFiltered', { field: key });
		for (const operator of Object.keys(rule)) {
			if (!operator.startsWith('_') || operator === '_some' || operator === '_none')
				throw createError('ownFieldsOnlyFiltered', { field: `${key}.${operator}` });
		}
	}
}

function parseJson(text: string, name: string): unknown {
	try {
		return JSON.parse(text) as unknown;
	} catch {
		throw createError('parameterNotJson', { parameter: name });
	}
}
