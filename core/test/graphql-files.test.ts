import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gql } from './helpers/graphql.js';
import { api } from './helpers/http.js';
import { adminToken, startKernel } from './helpers/kernel.js';
import { vendorTest } from './helpers/vendor-test.js';

const readerToken = 'graphql-files-reader-token-0123456789';

/** A file server on loopback, as a URL to import would be. */
async function serveText(text: string) {
	const server = createServer((_request, response) => {
		response.writeHead(200, { 'content-type': 'text/plain' });
		response.end(text);
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/notes.txt`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

vendorTest('import_file stores a file from a URL as /files/import does; a role that may not create files has no import_file', async (t, db) => {
	const source = await serveText('Imported through GraphQL');
	const { url, stop } = await startKernel(db, { FILES_IMPORT_ALLOW_PRIVATE_NETWORK: 'true' });
	try {
		const imported = await gql(url, 'mutation ($u: String!) { import_file(url: $u, data: { title: "Notes" }) { id title type filename_download } }', {
			path: '/graphql/system',
			variables: { u: source.url },
		});
		t.falsy(imported.body.errors, JSON.stringify(imported.body.errors));
		t.like(imported.body.data.import_file, { title: 'Notes', filename_download: 'notes.txt' });
		t.regex(imported.body.data.import_file.type, /^text\/plain/);
		const asset = await fetch(`${url}/assets/${imported.body.data.import_file.id}`, { headers: { authorization: `Bearer ${adminToken}` } });
		t.is(await asset.text(), 'Imported through GraphQL');

		const role = (await api(url, 'POST', '/roles', { name: 'Viewer' })).body.data.id;
		const policy = (await api(url, 'POST', '/policies', { name: 'Viewer policy', app_access: false, admin_access: false })).body.data.id;
		await api(url, 'POST', '/access', { role, policy });
		await api(url, 'POST', '/permissions', { policy, collection: 'directus_files', action: 'read', fields: '*' });
		await api(url, 'POST', '/users', { email: 'viewer@example.com', status: 'active', role, token: readerToken });
		const refused = await gql(url, `mutation { import_file(url: "${source.url}") { id } }`, { path: '/graphql/system', token: readerToken });
		t.is(refused.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION');
		t.is((await api(url, 'GET', '/files?aggregate[count]=*')).body.data[0].count, 1, 'nothing more was stored');
	} finally {
		await stop();
		await source.stop();
	}
});
