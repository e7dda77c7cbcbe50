// `npm run bench -- <name>`: runs one benchmark and prints its figures. Run by hand, never in CI.
const benches = {
	cache: () => import('./cache.mjs'),
	'cold-start': () => import('./cold-start.mjs'),
	files: () => import('./files.mjs'),
	graphql: () => import('./graphql.mjs'),
	flows: () => import('./flows.mjs'),
	introspect: () => import('./introspect.mjs'),
	items: () => import('./items.mjs'),
	realtime: () => import('./realtime.mjs'),
	sandbox: () => import('./sandbox.mjs'),
	sdk: () => import('./sdk.mjs'),
	studio: () => import('./studio.mjs'),
	'studio-data-model': () => import('./studio-data-model.mjs'),
};

const name = process.argv[2];
if (!benches[name]) {
	console.log(`usage: npm run bench -- <${Object.keys(benches).join('|')}>`);
	process.exit(name ? 1 : 0);
}
const { run } = await benches[name]();
await run(process.argv.slice(3));
