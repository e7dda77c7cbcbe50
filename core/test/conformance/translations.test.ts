import { createTranslation, createTranslations, deleteTranslation, readTranslation, readTranslations, updateTranslation } from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';

vendorTest('translations: admins manage custom strings through the SDK; every signed-in user reads them; changes take a permission', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const [hello, bye] = (await admin.request(
			createTranslations([
				{ language: 'de-DE', key: 'hello', value: 'Hallo' },
				{ language: 'de-DE', key: 'bye', value: 'Tschüss' },
			] as never),
		)) as Array<{ id: string }>;
		t.regex(hello!.id, /^[0-9a-f-]{36}$/);
		t.like(await admin.request(updateTranslation(hello!.id, { value: 'Hallo!' })), { key: 'hello', value: 'Hallo!' });
		t.like(await admin.request(readTranslation(bye!.id)), { language: 'de-DE', value: 'Tschüss' });

		const user = await addPerson(running, db, 'ursula');
		const listed = (await user.client.request(readTranslations({ sort: ['key'], fields: ['key', 'value'] }))) as unknown[];
		t.deepEqual(listed, [
			{ key: 'bye', value: 'Tschüss' },
			{ key: 'hello', value: 'Hallo!' },
		]);
		t.like(await sdkError(user.client.request(updateTranslation(hello!.id, { value: 'Hacked' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(user.client.request(createTranslation({ language: 'de-DE', key: 'x', value: 'y' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(user.client.request(deleteTranslation(hello!.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(anonymousClient(running.url).request(readTranslations())), { status: 403, code: 'FORBIDDEN' });

		const translator = await addPerson(running, db, 'tina', [{ collection: 'directus_translations', action: 'update', fields: 'value' }]);
		t.like(await translator.client.request(updateTranslation(hello!.id, { value: 'Servus' })), { value: 'Servus' });
		t.like(await sdkError(translator.client.request(updateTranslation(hello!.id, { key: 'renamed' }))), { status: 403, code: 'FORBIDDEN' });

		await admin.request(deleteTranslation(bye!.id));
		t.deepEqual(
			(await db.knex('mantle_translations').select('key', 'value')).map((row) => `${row.key}=${row.value}`),
			['hello=Servus'],
		);
	} finally {
		await running.stop();
	}
});
