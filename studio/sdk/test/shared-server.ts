// One kernel per test file that imports this module (ava runs each file in its own process).
import test from 'ava';
import { sharedServer, type SharedServer } from './helpers.js';

export let server: SharedServer;
test.before(async () => {
	server = await sharedServer();
});
test.after.always(() => server?.stop());

export { routes } from './shared-routes.js';
