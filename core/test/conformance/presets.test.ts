import {
	createPreset,
	createPresets,
	deletePreset,
	deletePresets,
	readPreset,
	readPresets,
	updatePreset,
	updatePresets,
	updatePresetsBatch,
} from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addPerson } from './groups-fixture.js';
import { adminClient, anonymousClient, sdkError } from './sdk-clients.js';
import { rowCount } from '../helpers/databases.js';

vendorTest('presets: a user saves, reads, changes and deletes their own bookmarks and layouts; role and global defaults apply to them', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const ann = await addPerson(running, db, 'ann');
		const bob = await addPerson(running, db, 'bob');
		// Defaults an admin sets: one for everyone, one for Ann's role, one for Bob's role.
		const [globalDefault, annRoleDefault, bobRoleDefault] = (await admin.request(
			createPresets([
				{ collection: 'articles', layout: 'tabular', layout_query: { tabular: { sort: ['-id'] } } },
				{ collection: 'articles', role: ann.role, layout: 'cards' },
				{ collection: 'articles', role: bob.role, layout: 'calendar' },
			] as never),
		)) as Array<{ id: number }>;

		const saved = (await ann.client.request(
			createPreset({
				bookmark: 'Drafts',
				collection: 'articles',
				filter: { status: { _eq: 'draft' } },
				layout_query: { tabular: { fields: ['title'] } },
			} as never),
		)) as Record<string, unknown>;
		t.like(saved, {
			bookmark: 'Drafts',
			collection: 'articles',
			user: ann.id,
			role: null,
			filter: { status: { _eq: 'draft' } },
			layout_query: { tabular: { fields: ['title'] } },
		});
		t.is(typeof saved.id, 'number');

		const seen = (await ann.client.request(readPresets({ sort: ['id'] }))) as Array<{ id: number }>;
		t.deepEqual(
			seen.map((preset) => preset.id),
			[globalDefault!.id, annRoleDefault!.id, saved.id],
			"her own, her role's and the global default; not Bob's role's",
		);
		t.false(seen.some((preset) => preset.id === bobRoleDefault!.id));

		t.like(await ann.client.request(updatePreset(saved.id as number, { bookmark: 'My drafts' })), { bookmark: 'My drafts', user: ann.id });
		t.like(await ann.client.request(readPreset(saved.id as number)), { bookmark: 'My drafts' });
		const counted = await ann.client.request(readPresets({ filter: { bookmark: { _nnull: true } }, meta: 'total_count' } as never));
		t.is((counted as unknown[]).length, 1);
		await ann.client.request(deletePreset(saved.id as number));
		t.is(await db.knex('mantle_presets').where({ id: saved.id }).first(), undefined);

		// Several at once, in the order sent: create, change by keys, change as a batch, delete.
		const [one, two] = (await ann.client.request(
			createPresets([
				{ bookmark: 'One', collection: 'articles' },
				{ bookmark: 'Two', collection: 'articles' },
			] as never),
		)) as Array<{ id: number; bookmark: string }>;
		t.deepEqual([one!.bookmark, two!.bookmark], ['One', 'Two']);
		t.deepEqual(
			((await ann.client.request(updatePresets([one!.id, two!.id], { color: '#ff0000' }))) as Array<{ color: string }>).map((row) => row.color),
			['#ff0000', '#ff0000'],
		);
		t.deepEqual(
			(
				(await ann.client.request(
					updatePresetsBatch([
						{ id: two!.id, bookmark: 'Second' },
						{ id: one!.id, bookmark: 'First' },
					] as never),
				)) as Array<{ bookmark: string }>
			).map((row) => row.bookmark),
			['Second', 'First'],
		);
		t.like(
			await sdkError(
				ann.client.request(
					updatePresetsBatch([
						{ id: one!.id, bookmark: 'Mine' },
						{ id: globalDefault!.id, bookmark: 'Also mine' },
					] as never),
				),
			),
			{ status: 403, code: 'FORBIDDEN' },
			'a default in the batch spoils it',
		);
		t.like(await db.knex('mantle_presets').where({ id: one!.id }).first(), { bookmark: 'First' });
		await ann.client.request(deletePresets([one!.id, two!.id]));
		t.is(await rowCount(db.knex('mantle_presets').where({ user: ann.id })), 0);
	} finally {
		await running.stop();
	}
});

vendorTest("presets: nobody reads, changes or deletes another user's presets, makes presets for someone else, or reaches past them", async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const ann = await addPerson(running, db, 'ann');
		const mallory = await addPerson(running, db, 'mallory');
		const annsOwn = (await ann.client.request(createPreset({ bookmark: 'Secret plans', collection: 'articles' } as never))) as { id: number };
		const roleDefault = (await admin.request(createPreset({ collection: 'articles', role: ann.role, layout: 'cards' } as never))) as { id: number };

		t.deepEqual(await mallory.client.request(readPresets()), [], "neither Ann's presets nor her role's");
		t.like(await sdkError(mallory.client.request(readPreset(annsOwn.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(mallory.client.request(updatePreset(annsOwn.id, { bookmark: 'Mine now' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(mallory.client.request(deletePreset(annsOwn.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(mallory.client.request(createPreset({ bookmark: 'Planted', collection: 'articles', user: ann.id } as never))), {
			status: 403,
			code: 'FORBIDDEN',
		});
		const malloryOwn = (await mallory.client.request(createPreset({ bookmark: 'Mine', collection: 'articles' } as never))) as { id: number };
		t.like(
			await sdkError(mallory.client.request(updatePreset(malloryOwn.id, { user: ann.id } as never))),
			{ status: 403, code: 'FORBIDDEN' },
			"no handing one's preset to someone else",
		);
		t.like(
			await sdkError(ann.client.request(updatePreset(roleDefault.id, { layout: 'tabular' }))),
			{ status: 403, code: 'FORBIDDEN' },
			'a role default is read, not changed, by its members',
		);
		t.like(await sdkError(ann.client.request(deletePreset(roleDefault.id))), { status: 403, code: 'FORBIDDEN' });

		// Relations would be read as the system: only the collection's own fields may be named.
		t.like(await sdkError(mallory.client.request(readPresets({ fields: ['user.email'] } as never))), { status: 400, code: 'INVALID_QUERY' });
		t.like(await sdkError(mallory.client.request(readPresets({ filter: { user: { email: { _eq: 'ann@example.com' } } } } as never))), {
			status: 400,
			code: 'INVALID_QUERY',
		});
		t.like(await sdkError(mallory.client.request(readPresets({ sort: ['user.email'] } as never))), { status: 400, code: 'INVALID_QUERY' });
		t.like(await sdkError(mallory.client.request(readPresets({ deep: { user: { _limit: 1 } } } as never))), { status: 400, code: 'INVALID_QUERY' });
		t.deepEqual(
			await mallory.client.request(readPresets({ filter: { _or: [{ user: { _eq: ann.id } }, { id: { _eq: annsOwn.id } }] } } as never)),
			[],
			'an _or cannot widen the rule',
		);
		t.like(await sdkError(anonymousClient(running.url).request(readPresets())), { status: 403, code: 'FORBIDDEN' });

		t.like(await db.knex('mantle_presets').where({ id: annsOwn.id }).first(), { bookmark: 'Secret plans', user: ann.id });
		t.like(await db.knex('mantle_presets').where({ id: roleDefault.id }).first(), { layout: 'cards' });
	} finally {
		await running.stop();
	}
});
