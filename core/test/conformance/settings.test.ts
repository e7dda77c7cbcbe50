import { readSettings, updateSettings } from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';
import { publicFields as settingsPublicFields } from '../../../extensions/settings/src/public-fields.js';

const publicFields = new Set<string>(settingsPublicFields);

vendorTest('settings: an admin reads and changes the singleton through the SDK; values come back typed', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const initial = await admin.request(readSettings());
		t.is(initial.project_name, 'Mantle', 'before the first save the defaults read back');
		const presets = [{ key: 'thumb', fit: 'cover', width: 64, height: 64, quality: 80 }];
		const updated = (await admin.request(
			updateSettings({
				project_name: 'Acme',
				project_color: '#112233',
				project_descriptor: 'Docs',
				storage_asset_presets: presets,
				public_registration: true,
			} as never),
		)) as unknown as Record<string, unknown>;
		t.like(updated, { project_name: 'Acme', project_color: '#112233', project_descriptor: 'Docs', public_registration: true });
		t.deepEqual(updated.storage_asset_presets, presets);
		const again = await admin.request(readSettings({ fields: ['project_name', 'storage_asset_presets', 'public_registration'] }));
		t.deepEqual(again, { project_name: 'Acme', storage_asset_presets: presets, public_registration: true } as never);
		await admin.request(updateSettings({ project_name: 'Acme 2' }));
		t.is((await db.knex('mantle_settings').select('project_name')).length, 1, 'still one settings row');
		t.is((await db.knex('mantle_settings').first('project_name')).project_name, 'Acme 2');
	} finally {
		await running.stop();
	}
});

vendorTest(
	'settings: strangers read only what the sign-in page shows, users of the Studio read all, and only permission holders change them',
	async (t, db) => {
		const running = await startKernel(db);
		try {
			const admin = adminClient(running.url);
			await admin.request(updateSettings({ project_name: 'Acme', mapbox_key: 'pk.secret-ish', public_note: 'Welcome' } as never));

			const anonymous = anonymousClient(running.url);
			const seen = (await anonymous.request(readSettings())) as Record<string, unknown>;
			t.like(seen, { project_name: 'Acme', public_note: 'Welcome' });
			t.deepEqual(
				Object.keys(seen).filter((key) => !publicFields.has(key)),
				[],
				'nothing beyond the public fields',
			);
			t.deepEqual(await anonymous.request(readSettings({ fields: ['project_name', 'mapbox_key'] })), { project_name: 'Acme' } as never);
			t.like(
				await sdkError(anonymous.request(readSettings({ fields: ['project_logo.*'] }))),
				{ status: 400, code: 'INVALID_QUERY' },
				'no following relations as the system',
			);
			t.like(await sdkError(anonymous.request(updateSettings({ project_name: 'Hacked' }))), { status: 403, code: 'FORBIDDEN' });

			const user = await addPerson(running, db, 'ursula');
			t.like(await user.client.request(readSettings()), { project_name: 'Acme', mapbox_key: 'pk.secret-ish' });
			t.like(await sdkError(user.client.request(updateSettings({ project_name: 'Hacked' }))), { status: 403, code: 'FORBIDDEN' });

			const editor = await addPerson(running, db, 'eddie', [
				{ collection: 'directus_settings', action: 'read', fields: 'project_name,project_color' },
				{ collection: 'directus_settings', action: 'update', fields: 'project_color' },
			]);
			t.deepEqual(await editor.client.request(readSettings({ fields: ['project_name', 'project_color'] })), {
				project_name: 'Acme',
				project_color: '#6644FF',
			} as never);
			t.like(await editor.client.request(updateSettings({ project_color: '#000000' })), { project_color: '#000000' } as never);
			t.like(await sdkError(editor.client.request(updateSettings({ project_name: 'Hacked' }))), { status: 403, code: 'FORBIDDEN' });
			t.is((await db.knex('mantle_settings').first('project_name')).project_name, 'Acme');
		} finally {
			await running.stop();
		}
	},
);
