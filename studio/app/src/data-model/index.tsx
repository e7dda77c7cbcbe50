import { useEffect } from 'preact/hooks';
import { loadExtensions } from '../lib/extensions.js';
import { match } from '../lib/router.js';
import { CollectionList } from './collection-list.js';
import { CollectionPage } from './collection-page.js';

/** The data model module: `/settings/data-model` and `/settings/data-model/:collection`. */
export function DataModel({ path }: { path: string }) {
	// Interfaces draw the field editor's choices, options forms and previews: asked for at once here.
	useEffect(() => void loadExtensions(['interface']), []);
	const params = match('/settings/data-model/:collection', path);
	return params ? <CollectionPage key={params.collection} collection={params.collection!} /> : <CollectionList />;
}
