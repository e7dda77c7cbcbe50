import type { GraphqlCapability, Router } from '@mantle/extensions-sdk';

/** `/server/specs/graphql[/system]`: the SDL of the schema the caller would be served, hidden parts absent. */
export function registerGraphqlSpecs(router: Router, graphql: GraphqlCapability): void {
	const sdl =
		(scope: 'items' | 'system') =>
		async ({ accountability }: { accountability: Parameters<GraphqlCapability['sdl']>[0] }) => ({
			headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' },
			body: await graphql.sdl(accountability, scope),
		});
	for (const path of ['/specs/graphql', '/specs/graphql/']) router.get(path, sdl('items'));
	for (const path of ['/specs/graphql/system', '/specs/graphql/system/']) router.get(path, sdl('system'));
}
