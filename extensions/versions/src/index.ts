import { defineEndpoint, itemsRoutes, type Router } from '@mantle/extensions-sdk';
import { versionRoutes } from './content.js';

/**
 * `/versions`: content versions, drafts of one item kept apart from it. The versions themselves
 * go through the caller's permissions on `directus_versions`; creating one needs read access to
 * its item, and promoting one writes the item through the caller's own permissions.
 */
export default defineEndpoint<'items'>({
	id: 'versions',
	handler(router, { items }) {
		versionRoutes(router, items);
		itemsRoutes(withoutCreate(router), items, { collection: 'directus_versions' });
	},
});

/** The router without `POST /`: creating a version is `versionRoutes`'s, with its checks. */
function withoutCreate(router: Router): Router {
	return { ...router, post: (path, handler, options) => (path === '/' ? undefined : router.post(path, handler, options)) };
}
