import {
	createDashboard,
	createPanel,
	createPanels,
	deleteDashboard,
	deletePanel,
	readDashboard,
	readDashboards,
	readPanels,
	updateDashboard,
	updatePanel,
} from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { startKernel } from '../helpers/kernel.js';
import { addPerson } from './groups-fixture.js';
import { adminClient, sdkError } from './sdk-clients.js';
import { rowCount } from '../helpers/databases.js';

vendorTest('dashboards and panels: an insights dashboard and its panels are built, read, changed and removed through the SDK', async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const dashboard = (await admin.request(createDashboard({ name: 'Sales', icon: 'insights', note: 'Weekly numbers' } as never))) as Record<string, unknown>;
		t.like(dashboard, { name: 'Sales', icon: 'insights', note: 'Weekly numbers' });
		t.regex(String(dashboard.id), /^[0-9a-f-]{36}$/);
		const [metric, list] = (await admin.request(
			createPanels([
				{
					dashboard: dashboard.id,
					type: 'metric',
					name: 'Orders',
					position_x: 1,
					position_y: 1,
					width: 8,
					height: 6,
					options: { collection: 'orders', function: 'count' },
				},
				{ dashboard: dashboard.id, type: 'list', name: 'Latest', position_x: 9, position_y: 1, width: 12, height: 10, show_header: true },
			] as never),
		)) as Array<Record<string, unknown>>;
		t.like(metric, { type: 'metric', width: 8, options: { collection: 'orders', function: 'count' }, show_header: false });
		t.like(list, { show_header: true });

		t.like(await admin.request(readDashboard(String(dashboard.id), { fields: ['name', 'note'] })), { name: 'Sales', note: 'Weekly numbers' });
		t.like(await admin.request(updatePanel(String(metric!.id), { width: 10 })), { width: 10 });
		t.like(await admin.request(updateDashboard(String(dashboard.id), { name: 'Revenue' })), { name: 'Revenue' });
		t.deepEqual(
			(await admin.request(readPanels({ filter: { dashboard: { _eq: dashboard.id } }, sort: ['position_x'], fields: ['name'] } as never))) as unknown[],
			[{ name: 'Orders' }, { name: 'Latest' }],
		);

		await admin.request(deletePanel(String(list!.id)));
		t.is(await rowCount(db.knex('mantle_panels')), 1);
		await admin.request(deleteDashboard(String(dashboard.id)));
		t.is(await rowCount(db.knex('mantle_panels')), 0, 'deleting a dashboard deletes its panels');
	} finally {
		await running.stop();
	}
});

vendorTest("dashboards and panels: go through the caller's permissions, rows and fields alike", async (t, db) => {
	const running = await startKernel(db);
	try {
		const admin = adminClient(running.url);
		const analyst = await addPerson(running, db, 'ana', [
			{ collection: 'directus_dashboards', action: 'read', permissions: { user_created: { _eq: '$CURRENT_USER' } } },
			{ collection: 'directus_dashboards', action: 'create' },
			{ collection: 'directus_panels', action: 'read', fields: 'id,name,dashboard' },
		]);
		const theirs = (await admin.request(createDashboard({ name: 'Board only admins see' } as never))) as { id: string };
		await admin.request(
			createPanel({
				dashboard: theirs.id,
				type: 'metric',
				name: 'Secret',
				position_x: 1,
				position_y: 1,
				width: 4,
				height: 4,
				options: { token: 'x' },
			} as never),
		);
		t.deepEqual(await analyst.client.request(readDashboards()), []);
		t.like(await sdkError(analyst.client.request(readDashboard(theirs.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(analyst.client.request(updateDashboard(theirs.id, { name: 'Mine' }))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(analyst.client.request(deleteDashboard(theirs.id))), { status: 403, code: 'FORBIDDEN' });
		t.like(await sdkError(analyst.client.request(readPanels({ fields: ['options'] } as never))), { status: 403, code: 'FORBIDDEN' });
		t.deepEqual(await analyst.client.request(readPanels({ fields: ['name'] } as never)), [{ name: 'Secret' }] as never);
		const own = (await analyst.client.request(createDashboard({ name: 'Mine', user_created: analyst.id } as never))) as { id: string; name: string };
		t.is(own.name, 'Mine');
		t.deepEqual(await analyst.client.request(readDashboards({ fields: ['name'] } as never)), [{ name: 'Mine' }] as never);
		t.is((await db.knex('mantle_dashboards').where({ id: theirs.id }).first()).name, 'Board only admins see');
	} finally {
		await running.stop();
	}
});
