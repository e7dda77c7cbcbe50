// The catalogue's relations, shared by the items benchmark and the tests' catalogue: articles
// have an author (M2O, emptied when the author goes) and tags (M2M through articles_tags).
export const catalogRelations = [
	{ collection: 'articles', field: 'author', related_collection: 'authors', meta: { one_field: 'articles' }, schema: { on_delete: 'SET NULL' } },
	{
		collection: 'articles_tags',
		field: 'articles_id',
		related_collection: 'articles',
		meta: { one_field: 'tags', junction_field: 'tags_id' },
		schema: { on_delete: 'CASCADE' },
	},
	{ collection: 'articles_tags', field: 'tags_id', related_collection: 'tags', meta: { junction_field: 'articles_id' }, schema: { on_delete: 'CASCADE' } },
];
