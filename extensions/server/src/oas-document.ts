type Json = Record<string, unknown>;

export interface Grants {
	has(action: 'create' | 'read' | 'update' | 'delete' | string): boolean;
	fieldAllowed(field: string): boolean;
}

export interface CollectionDoc {
	name: string;
	fields: Json[];
	actions: Grants;
	singleton: boolean;
}

/** Parameters and security every operation shares, written once and referenced. */
export const sharedComponents: Json = {
	securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'An access token or a static token.' } },
	parameters: {
		Fields: { name: 'fields', in: 'query', description: 'Fields to return, comma-separated; `*` for all.', schema: { type: 'string' } },
		Filter: { name: 'filter', in: 'query', description: 'A filter rule as JSON.', schema: { type: 'string' } },
		Search: { name: 'search', in: 'query', description: 'Text searched in string fields.', schema: { type: 'string' } },
		Sort: { name: 'sort', in: 'query', description: 'Fields to sort on, comma-separated; `-` for descending.', schema: { type: 'string' } },
		Limit: { name: 'limit', in: 'query', description: 'How many items to return; -1 for all.', schema: { type: 'integer' } },
		Offset: { name: 'offset', in: 'query', description: 'How many items to skip.', schema: { type: 'integer' } },
		Page: { name: 'page', in: 'query', description: 'The page of `limit` items to return.', schema: { type: 'integer' } },
		Meta: { name: 'meta', in: 'query', description: '`total_count`, `filter_count` or `*`.', schema: { type: 'string' } },
		Id: { name: 'id', in: 'path', required: true, description: 'The primary key of the item.', schema: { type: ['string', 'integer'] } },
	},
	responses: {
		NoContent: { description: 'Done; nothing to return.' },
		Error: {
			description: 'What went wrong, as `{ errors: [{ message, extensions: { code } }] }`.',
			content: {
				'application/json': {
					schema: {
						type: 'object',
						properties: {
							errors: {
								type: 'array',
								items: {
									type: 'object',
									properties: { message: { type: 'string' }, extensions: { type: 'object', properties: { code: { type: 'string' } } } },
								},
							},
						},
					},
				},
			},
		},
	},
};

const listParameters = ['Fields', 'Filter', 'Search', 'Sort', 'Limit', 'Offset', 'Page', 'Meta'].map((name) => ({ $ref: `#/components/parameters/${name}` }));
const idParameter = { $ref: '#/components/parameters/Id' };
const fieldsParameter = { $ref: '#/components/parameters/Fields' };
const errors = {
	'400': { $ref: '#/components/responses/Error' },
	'401': { $ref: '#/components/responses/Error' },
	'403': { $ref: '#/components/responses/Error' },
};

/** `/items/<name>` for user collections; a system collection under its own route (`directus_users` → `/users`). */
export function routeOf(collection: string): string {
	return collection.startsWith('directus_') ? `/${collection.slice('directus_'.length)}` : `/items/${collection}`;
}

export function collectionPaths(doc: CollectionDoc): Array<[string, Json]> {
	const ref = { $ref: `#/components/schemas/${schemaRef(doc.name)}` };
	const one = (description: string) => ({ description, content: { 'application/json': { schema: { type: 'object', properties: { data: ref } } } } });
	const many = (description: string) => ({
		description,
		content: { 'application/json': { schema: { type: 'object', properties: { data: { type: 'array', items: ref }, meta: { type: 'object' } } } } },
	});
	const body = (schema: Json) => ({ required: true, content: { 'application/json': { schema } } });
	const tag = [doc.name];
	const base = routeOf(doc.name);
	const operation = (verb: string, summary: string, extra: Json) => ({ operationId: `${verb}${pascal(doc.name)}`, summary, tags: tag, ...extra });

	const list: Json = {};
	list.get = operation(doc.singleton ? 'read' : 'list', doc.singleton ? `Read the ${doc.name} item.` : `List ${doc.name} items.`, {
		parameters: listParameters,
		responses: { '200': doc.singleton ? one('The item.') : many('The items.'), ...errors },
	});
	if (doc.singleton && doc.actions.has('update'))
		list.patch = operation('update', `Change the ${doc.name} item.`, { requestBody: body(ref), responses: { '200': one('The changed item.'), ...errors } });
	if (!doc.singleton && doc.actions.has('create'))
		list.post = operation('create', `Create ${doc.name} items.`, {
			parameters: [fieldsParameter],
			requestBody: body({ oneOf: [ref, { type: 'array', items: ref }] }),
			responses: { '200': one('The created item(s).'), '204': { $ref: '#/components/responses/NoContent' }, ...errors },
		});
	if (doc.singleton) return [[base, list]];

	const item: Json = { parameters: [idParameter] };
	item.get = operation('read', `Read one ${doc.name} item.`, { parameters: [fieldsParameter], responses: { '200': one('The item.'), ...errors } });
	if (doc.actions.has('update'))
		item.patch = operation('update', `Change one ${doc.name} item.`, {
			parameters: [fieldsParameter],
			requestBody: body(ref),
			responses: { '200': one('The changed item.'), '204': { $ref: '#/components/responses/NoContent' }, ...errors },
		});
	if (doc.actions.has('delete'))
		item.delete = operation('delete', `Delete one ${doc.name} item.`, { responses: { '204': { $ref: '#/components/responses/NoContent' }, ...errors } });
	return [
		[base, list],
		[`${base}/{id}`, item],
	];
}

export function collectionSchema(doc: CollectionDoc): Json {
	const properties: Json = {};
	for (const field of doc.fields) properties[String(field.field)] = fieldSchema(field);
	return { type: 'object', title: doc.name, properties };
}

function fieldSchema(field: Json): Json {
	const schema = (field.schema ?? null) as Json | null;
	const nullable = schema ? Boolean(schema.is_nullable) : true;
	const typed = (type: string | string[], extra: Json = {}): Json => ({ type: nullable && !Array.isArray(type) ? [type, 'null'] : type, ...extra });
	switch (field.type) {
		case 'integer':
			return typed('integer');
		case 'bigInteger':
			return typed(['integer', 'string', ...(nullable ? ['null'] : [])]);
		case 'float':
			return typed('number');
		case 'decimal':
			return typed('string', { description: 'A decimal number, exact, as a string.' });
		case 'boolean':
			return typed('boolean');
		case 'json':
			return {};
		case 'csv':
			return typed('array', { items: { type: 'string' } });
		case 'uuid':
			return typed('string', { format: 'uuid' });
		case 'date':
			return typed('string', { format: 'date' });
		case 'time':
			return typed('string', { format: 'time' });
		case 'dateTime':
		case 'timestamp':
			return typed('string', { format: 'date-time' });
		case 'alias':
			return { description: 'A relational or presentation field without a column of its own.' };
		default:
			return typed('string');
	}
}

export function schemaRef(collection: string): string {
	return collection.replace(/[^A-Za-z0-9._-]/g, '_');
}

function pascal(name: string): string {
	return name
		.split(/[^A-Za-z0-9]+/)
		.filter(Boolean)
		.map((part) => part[0]!.toUpperCase() + part.slice(1))
		.join('');
}
