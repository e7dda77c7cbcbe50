import test from 'ava';
import { manifestPayload, verifyManifestSignature } from '@mantle/extensions-sdk/package';
import { serviceSkipReason } from '../../core/test/helpers/databases.js';
import { startRegistry } from './helpers.js';

const postgresSkip = await serviceSkipReason(5432, 'PostgreSQL at 127.0.0.1:5432');

async function signedDist(url: string, name: string, version: string) {
	const document = (await (await fetch(`${url}/${name.replace('/', '%2f')}`)).json()) as { versions: Record<string, { dist: Record<string, any> }> };
	return document.versions[version]!.dist;
}

test('after a key rotation the registry signs with the new key and still publishes the old one, so earlier signatures verify', async (t) => {
	const running = await startRegistry();
	try {
		const old = await signedDist(running.url, '@mantle/extensions-sdk', '0.1.0');
		const before = (await (await fetch(`${running.url}/-/npm/v1/keys`)).json()) as { keys: Array<{ keyid: string; key: string }> };
		t.is(before.keys.length, 1);
		running.registry.keys.rotate();
		const after = (await (await fetch(`${running.url}/-/npm/v1/keys`)).json()) as { keys: Array<{ keyid: string; key: string }> };
		t.is(after.keys.length, 2);
		const oldKey = after.keys.find((key) => key.keyid === old['mantle:signature'].keyid);
		t.truthy(oldKey, 'the key that signed before the rotation is still published');
		const manifest = { name: '@mantle/extensions-sdk', version: '0.1.0', integrity: old.integrity, files: old['mantle:files'] };
		t.true(verifyManifestSignature(manifest, old['mantle:signature'].sig, oldKey!.key));
		t.false(verifyManifestSignature({ ...manifest, version: '0.1.1' }, old['mantle:signature'].sig, oldKey!.key), 'a changed manifest does not verify');
		t.false(verifyManifestSignature(manifest, old['mantle:signature'].sig, after.keys.find((key) => key !== oldKey)!.key), 'nor does another key');
		t.is(typeof manifestPayload(manifest), 'string');
	} finally {
		await running.stop();
	}
});

(postgresSkip ? test.skip : test)('the registry keeps its packages in PostgreSQL when configured to', async (t) => {
	const { default: createKnex } = await import('knex');
	const admin = createKnex({ client: 'pg', connection: { host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' } });
	const name = `mantle_registry_${Date.now().toString(36)}`;
	await admin.raw(`create database ${name}`);
	try {
		const running = await startRegistry({ REGISTRY_DB_CONNECTION_STRING: `postgres://postgres@127.0.0.1:5432/${name}` });
		try {
			const document = (await (await fetch(`${running.url}/@mantle%2fextensions-sdk`)).json()) as { 'dist-tags': Record<string, string> };
			t.is(document['dist-tags'].latest, '0.1.0');
			t.is(running.registry.knex.client.config.client, 'pg');
		} finally {
			await running.stop();
		}
	} finally {
		await admin.raw(`drop database if exists ${name} with (force)`);
		await admin.destroy();
	}
});
