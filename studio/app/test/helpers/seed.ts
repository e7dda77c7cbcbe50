import { api } from '../../../../core/test/helpers/http.js';

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body;
}

const choices = (...values: string[]) => values.map((value) => ({ text: value[0]!.toUpperCase() + value.slice(1), value }));

/**
 * A small publishing model that uses every first-party interface: authors (M2O), tags (M2M
 * through articles_tags), notes (O2M), a cover image (file) and one field per simple interface.
 */
export async function seedBlog(url: string, { articles = 30 } = {}): Promise<void> {
	const post = (path: string, body: unknown) => api(url, 'POST', path, body).then((response) => ok(response, `POST ${path}`));
	await post('/collections', { collection: 'blog', schema: null, meta: { icon: 'folder', color: '#2F80ED' } });
	await post('/collections', {
		collection: 'authors',
		schema: {},
		meta: { icon: 'person', group: 'blog', display_template: '{{name}}' },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
			{ field: 'name', type: 'string', meta: { interface: 'input', required: true } },
			{ field: 'email', type: 'string', meta: { interface: 'input' } },
		],
	});
	await post('/collections', {
		collection: 'tags',
		schema: {},
		meta: { icon: 'label', group: 'blog', display_template: '{{name}}' },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
			{ field: 'name', type: 'string', meta: { interface: 'input' } },
		],
	});
	await post('/collections', {
		collection: 'articles',
		schema: {},
		meta: { icon: 'article', group: 'blog', color: '#E35169', display_template: '{{title}}' },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
			{ field: 'title', type: 'string', meta: { interface: 'input', required: true, width: 'half', sort: 1 } },
			{
				field: 'status',
				type: 'string',
				schema: { default_value: 'draft' },
				meta: { interface: 'select-dropdown', options: { choices: choices('draft', 'published', 'archived') }, width: 'half', sort: 2 },
			},
			{ field: 'author', type: 'integer', meta: { interface: 'select-dropdown-m2o', special: ['m2o'], width: 'half', sort: 3 } },
			{ field: 'views', type: 'integer', meta: { interface: 'numeric', width: 'half', sort: 4 } },
			{ field: 'rating', type: 'integer', meta: { interface: 'slider', options: { min: 0, max: 10 }, width: 'half', sort: 5 } },
			{ field: 'featured', type: 'boolean', meta: { interface: 'toggle', width: 'half', sort: 6 } },
			{ field: 'published_on', type: 'date', meta: { interface: 'datetime', width: 'half', sort: 7 } },
			{ field: 'category', type: 'string', meta: { interface: 'select-radio', options: { choices: choices('news', 'howto') }, width: 'half', sort: 8 } },
			{
				field: 'channels',
				type: 'json',
				meta: { interface: 'select-multiple-checkbox', options: { choices: choices('web', 'mail') }, width: 'half', sort: 9 },
			},
			{ field: 'keywords', type: 'json', meta: { interface: 'tags', width: 'half', sort: 10 } },
			{ field: 'accent', type: 'string', meta: { interface: 'select-color', width: 'half', sort: 11 } },
			{ field: 'secret', type: 'hash', meta: { interface: 'input-hash', special: ['hash'], width: 'half', sort: 12 } },
			{ field: 'summary', type: 'text', meta: { interface: 'textarea', sort: 13 } },
			{ field: 'body', type: 'text', meta: { interface: 'input-rich-text-md', sort: 14 } },
			{ field: 'html', type: 'text', meta: { interface: 'input-rich-text-html', sort: 15 } },
			{ field: 'extra', type: 'json', meta: { interface: 'input-code', sort: 16 } },
			{ field: 'cover', type: 'uuid', meta: { interface: 'file-image', special: ['file'], sort: 17 } },
			{ field: 'tags', type: 'alias', meta: { interface: 'list-m2m', special: ['m2m'], sort: 18 } },
			{ field: 'notes', type: 'alias', meta: { interface: 'list-o2m', special: ['o2m'], sort: 19 } },
		],
	});
	await post('/collections', {
		collection: 'articles_tags',
		schema: {},
		meta: { hidden: true },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
			{ field: 'articles_id', type: 'integer' },
			{ field: 'tags_id', type: 'integer' },
		],
	});
	await post('/collections', {
		collection: 'notes',
		schema: {},
		meta: { icon: 'chat', group: 'blog', display_template: '{{text}}' },
		fields: [
			{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
			{ field: 'text', type: 'string', meta: { interface: 'input' } },
			{ field: 'article', type: 'integer', meta: { interface: 'select-dropdown-m2o', special: ['m2o'] } },
		],
	});
	await post('/collections', {
		collection: 'site',
		schema: {},
		meta: { singleton: true, icon: 'home' },
		fields: [{ field: 'headline', type: 'string', meta: { interface: 'input' } }],
	});
	await post('/relations', { collection: 'articles', field: 'author', related_collection: 'authors' });
	await post('/relations', { collection: 'articles', field: 'cover', related_collection: 'directus_files' });
	await post('/relations', { collection: 'notes', field: 'article', related_collection: 'articles', meta: { one_field: 'notes' } });
	await post('/relations', {
		collection: 'articles_tags',
		field: 'articles_id',
		related_collection: 'articles',
		meta: { one_field: 'tags', junction_field: 'tags_id' },
	});
	await post('/relations', { collection: 'articles_tags', field: 'tags_id', related_collection: 'tags', meta: { junction_field: 'articles_id' } });

	await post('/items/authors', [
		{ name: 'Ada Lovelace', email: 'ada@example.com' },
		{ name: 'Grace Hopper', email: 'grace@example.com' },
		{ name: 'Alan Turing', email: 'alan@example.com' },
	]);
	await post('/items/tags', [{ name: 'science' }, { name: 'history' }, { name: 'computing' }]);
	const rows = Array.from({ length: articles }, (_, index) => ({
		title: `Article ${String(index + 1).padStart(3, '0')}`,
		status: index % 3 === 0 ? 'published' : 'draft',
		author: (index % 3) + 1,
		views: index * 10,
		featured: index % 2 === 0,
	}));
	for (let start = 0; start < rows.length; start += 500) await post('/items/articles', rows.slice(start, start + 500));
}
