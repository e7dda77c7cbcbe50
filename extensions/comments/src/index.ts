import {
	createError,
	defineEndpoint,
	inKeyOrder,
	plainQuery,
	withFilter,
	type Accountability,
	type EndpointRequest,
	type Item,
	type ItemsCapability,
	type PrimaryKey,
	type QueryInput,
} from '@mantle/extensions-sdk';

const collection = 'directus_comments';
const forbidden = () => createError('FORBIDDEN');

/**
 * `/comments`: comments on items (`collection`, `item`, `comment`). A signed-in user sees the
 * comments on items they may read, comments on items they may read, and edits or deletes only
 * their own; admins manage all. Who wrote or changed a comment, and when, is recorded here and
 * cannot be sent.
 */
export default defineEndpoint<'items'>({
	id: 'comments',
	handler(router, { items }) {
		const service = (request: EndpointRequest) => items(collection, { accountability: { ...request.accountability, admin: true }, plainWrites: true });

		const read = async (request: EndpointRequest, raw: QueryInput): Promise<Item[]> => {
			if (request.accountability.admin) return items(collection, { accountability: request.accountability }).readByQuery(raw);
			signedIn(request.accountability);
			const query = plainQuery(raw) as { fields?: string[] };
			// The comment's target decides who sees it, so the target is read even when not asked for.
			const fields = query.fields && !query.fields.includes('*') ? [...new Set([...query.fields, 'collection', 'item'])] : query.fields;
			const rows = await service(request).readByQuery({ ...query, ...(fields ? { fields } : {}) });
			const visible = await readableTargets(items, request.accountability, rows);
			return rows.filter((row) => visible.has(targetOf(row))).map((row) => (fields === query.fields ? row : pick(row, query.fields!)));
		};

		const one = async (request: EndpointRequest, key: PrimaryKey, query: QueryInput): Promise<Item> => {
			const [row] = await read(request, withFilter({ ...(query as object), limit: 1, offset: 0, page: undefined }, { id: { _eq: key } }));
			if (!row) throw forbidden();
			return row;
		};

		/** Comments the caller may change: all for admins, their own for anyone else. */
		const own = async (request: EndpointRequest, keys: PrimaryKey[]): Promise<void> => {
			if (request.accountability.admin) return;
			const caller = signedIn(request.accountability);
			const rows = await service(request).readByQuery({
				fields: ['id'],
				filter: { _and: [{ id: { _in: keys } }, { user_created: { _eq: caller.user } }] },
				limit: -1,
			});
			if (rows.length !== new Set(keys.map(String)).size) throw forbidden();
		};

		const create = async (request: EndpointRequest, body: unknown): Promise<PrimaryKey> => {
			const caller = signedIn(request.accountability);
			const { collection: target, item, comment } = (isObject(body) ? body : {}) as Record<string, unknown>;
			if (typeof target !== 'string' || target === '') throw createError('fieldRequired', { field: 'collection' });
			if ((typeof item !== 'string' && typeof item !== 'number') || item === '') throw createError('fieldRequired', { field: 'item' });
			if (typeof comment !== 'string' || comment.trim() === '') throw createError('fieldRequired', { field: 'comment' });
			// Commenting needs read access to the item: FORBIDDEN, as for a missing one, otherwise.
			await items(target, { accountability: request.accountability }).readOne(item, { fields: [await primaryOf(items, target)] });
			return service(request).createOne({ collection: target, item: String(item), comment, user_created: caller.user, date_created: new Date().toISOString() });
		};

		const update = async (request: EndpointRequest, keys: PrimaryKey[], body: unknown): Promise<void> => {
			if (!isObject(body) || Object.keys(body).some((key) => key !== 'comment') || typeof body.comment !== 'string' || body.comment.trim() === '') {
				throw createError('commentChangeInvalid');
			}
			await own(request, keys);
			await service(request).updateMany(keys, { comment: body.comment, user_updated: request.accountability.user, date_updated: new Date().toISOString() });
		};

		const answer = async (request: EndpointRequest, keys: PrimaryKey[], many: boolean) => {
			const rows = await read(request, withFilter({ ...request.query, limit: -1 }, { id: { _in: keys } }));
			return many ? { body: { data: inKeyOrder(rows, keys, 'id') } } : rows[0] ? { body: { data: rows[0] } } : { status: 204 };
		};

		router.get('/', async (request) => ({ body: { data: await read(request, request.query) } }));
		router.search('/', async (request) => ({
			body: { data: await read(request, isObject(request.body) && isObject(request.body.query) ? request.body.query : {}) },
		}));
		router.get('/:pk', async (request) => ({ body: { data: await one(request, request.params.pk!, request.query) } }));
		router.post('/', async (request) => {
			if (Array.isArray(request.body)) {
				const keys: PrimaryKey[] = [];
				for (const body of request.body) keys.push(await create(request, body));
				return answer(request, keys, true);
			}
			return answer(request, [await create(request, request.body)], false);
		});
		router.patch('/:pk', async (request) => {
			await update(request, [request.params.pk!], request.body);
			return answer(request, [request.params.pk!], false);
		});
		router.patch('/', async (request) => {
			const body = isObject(request.body) ? request.body : {};
			const keys = Array.isArray(body.keys)
				? (body.keys as PrimaryKey[])
				: isObject(body.query)
					? (await read(request, { ...body.query, fields: ['id'], limit: -1 })).map((row) => row.id as PrimaryKey)
					: undefined;
			if (!keys) throw createError('bodyNotBatch');
			if (keys.length > 0) await update(request, keys, body.data);
			return answer(request, keys, true);
		});
		router.delete('/:pk', async (request) => {
			await own(request, [request.params.pk!]);
			await service(request).deleteOne(request.params.pk!);
			return { status: 204 };
		});
		router.delete('/', async (request) => {
			const body = request.body;
			const keys = Array.isArray(body)
				? (body as PrimaryKey[])
				: isObject(body) && Array.isArray(body.keys)
					? (body.keys as PrimaryKey[])
					: isObject(body) && isObject(body.query)
						? (await read(request, { ...body.query, fields: ['id'], limit: -1 })).map((row) => row.id as PrimaryKey)
						: undefined;
			if (!keys) throw createError('bodyNotKeysOrQuery');
			await own(request, keys);
			if (keys.length > 0) await service(request).deleteMany(keys);
			return { status: 204 };
		});
	},
});

async function primaryOf(items: ItemsCapability, target: string): Promise<string> {
	return (await items(target, { accountability: null }).info()).primary;
}

/** `collection/item` of every comment whose item the caller may read. */
async function readableTargets(items: ItemsCapability, accountability: Accountability, rows: Item[]): Promise<Set<string>> {
	const byCollection = new Map<string, Set<string>>();
	for (const row of rows) byCollection.set(String(row.collection), (byCollection.get(String(row.collection)) ?? new Set()).add(String(row.item)));
	const visible = new Set<string>();
	for (const [target, keys] of byCollection) {
		try {
			const primary = await primaryOf(items, target);
			const readable = await items(target, { accountability }).readByQuery({ fields: [primary], filter: { [primary]: { _in: [...keys] } }, limit: -1 });
			for (const row of readable) visible.add(`${target}/${String(row[primary])}`);
		} catch (error) {
			if ((error as { code?: string }).code !== 'FORBIDDEN') throw error;
		}
	}
	return visible;
}

function targetOf(row: Item): string {
	return `${String(row.collection)}/${String(row.item)}`;
}

function pick(row: Item, fields: string[]): Item {
	return Object.fromEntries(fields.filter((field) => field in row).map((field) => [field, row[field]]));
}

function signedIn(accountability: Accountability): Accountability & { user: string } {
	if (!accountability.user) throw forbidden();
	return accountability as Accountability & { user: string };
}

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
