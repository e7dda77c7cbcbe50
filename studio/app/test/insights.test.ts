import { api } from '../../../core/test/helpers/http.js';
import { eventually } from '../../../core/test/helpers/wait.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

studioTest(
	'an admin builds a dashboard of three panels over the seeded articles; a variable filters a panel and auto refresh shows new data',
	async ({ t, page, login, url }) => {
		await login();
		await page.getByRole('navigation', { name: 'Modules' }).getByRole('link', { name: 'Insights' }).click();
		await page.getByRole('button', { name: 'Create dashboard' }).click();
		await page.getByLabel('Dashboard name').fill('Editorial');
		await page.getByRole('button', { name: 'Create', exact: true }).click();
		await page.getByRole('heading', { name: 'Editorial' }).waitFor();

		const addPanel = async (type: string, title: string, fill: () => Promise<void>) => {
			await page.getByRole('button', { name: 'Add panel' }).click();
			await page.getByLabel('Panel type').selectOption({ label: type });
			await page.getByLabel('Title').fill(title);
			await fill();
			await page.getByRole('button', { name: 'Add panel' }).last().click();
			await page.getByRole('article', { name: title, exact: true }).waitFor();
		};
		await addPanel('Metric', 'Articles', async () => {
			await page.getByLabel('Collection').selectOption('articles');
		});
		await addPanel('Bar chart', 'By status', async () => {
			await page.getByLabel('Collection').selectOption('articles');
			await page.getByLabel('Group by field').fill('status');
		});
		await addPanel('List', 'Most viewed', async () => {
			await page.getByLabel('Collection').selectOption('articles');
			await page.getByLabel('Field shown').fill('title');
			await page.getByLabel('Sort').fill('-views');
			await page.getByLabel('Items').fill('3');
		});

		// 30 seeded articles: every third published, views 0, 10, … 290.
		const metric = page.getByRole('article', { name: 'Articles' }).locator('.metric');
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '30');
		t.is(await metric.innerText(), '30');
		const bars = page.getByRole('article', { name: 'By status' }).getByRole('list', { name: 'Bars' });
		await bars.getByText('draft').waitFor();
		t.regex(await bars.innerText(), /draft\s+20\s+published\s+10/);
		const top = page.getByRole('article', { name: 'Most viewed' }).getByRole('listitem');
		await top.first().waitFor();
		t.deepEqual(await top.allInnerTexts(), ['Article 030', 'Article 029', 'Article 028']);

		// Panels move on the grid by their title bar; the new place is saved.
		const listPanel = () => api(url, 'GET', '/panels?fields=id,position_x,position_y&filter[name][_eq]=Most viewed').then((response) => response.body.data[0]);
		const before = await listPanel();
		const handle = page.getByRole('article', { name: 'Most viewed', exact: true }).locator('header');
		const box = (await handle.boundingBox())!;
		await page.mouse.move(box.x + 30, box.y + 8);
		await page.mouse.down();
		await page.mouse.move(box.x + 90, box.y + 48, { steps: 5 });
		await page.mouse.move(box.x + 150, box.y + 88, { steps: 5 });
		await page.mouse.up();
		t.true(
			await eventually(async () => {
				const after = await listPanel();
				return after.position_x === before.position_x + 6 && after.position_y === before.position_y + 4;
			}, 10_000),
			'position saved after the drop',
		);

		// A dashboard variable: the metric counts only the status it holds.
		await addPanel('Variable', 'Status', async () => {
			await page.getByLabel('Variable name').fill('status');
			await page.getByLabel('Default value').fill('published');
		});
		await page.getByRole('button', { name: 'Edit panel Articles' }).click();
		await page.getByLabel('Filter').fill('{ "status": { "_eq": "{{ status }}" } }');
		await page.getByRole('button', { name: 'Save panel' }).click();
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '10');
		await page.getByRole('article', { name: 'Status', exact: true }).getByRole('textbox').fill('draft');
		await page.getByRole('article', { name: 'Status', exact: true }).getByRole('textbox').press('Enter');
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '20');
		t.is(await metric.innerText(), '20');

		// Auto refresh: a draft created elsewhere shows up without touching the page.
		await page.getByLabel('Auto refresh').selectOption({ label: 'Every 5 seconds' });
		t.is((await api(url, 'POST', '/items/articles', { title: 'Fresh', status: 'draft' })).status, 200);
		await page.waitForFunction(() => document.querySelector('.metric')?.textContent === '21', undefined, { timeout: 15_000 });
		t.is(await metric.innerText(), '21');

		const stored = (await api(url, 'GET', '/panels?fields=type,name,options')).body.data;
		t.deepEqual(stored.map((panel: { type: string }) => panel.type).sort(), ['bar', 'list', 'metric', 'variable']);
		await page.reload();
		await page.getByRole('article', { name: 'Most viewed' }).getByRole('listitem').first().waitFor();
	},
	{ seed: (url) => seedBlog(url, { articles: 30 }) },
);

async function ok(response: { status: number; body: any }, what: string) {
	if (response.status >= 300) throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
	return response.body.data;
}

/** A reader who may read dashboards and published articles only, and an admin's dashboard over articles and authors. */
async function seedReaderDashboard(url: string) {
	await seedBlog(url, { articles: 30 });
	const policy = await ok(await api(url, 'POST', '/policies', { name: 'Readers', app_access: true, admin_access: false }), 'policy');
	const role = await ok(await api(url, 'POST', '/roles', { name: 'Reader' }), 'role');
	await ok(await api(url, 'POST', '/access', { role: role.id, policy: policy.id }), 'access');
	for (const [collection, permissions] of [
		['articles', { status: { _eq: 'published' } }],
		['directus_dashboards', {}],
		['directus_panels', {}],
	] as const) {
		await ok(
			await api(url, 'POST', '/permissions', { policy: policy.id, collection, action: 'read', fields: ['*'], permissions }),
			`permission on ${collection}`,
		);
	}
	await ok(await api(url, 'POST', '/users', { email: 'reader@example.com', password: 'reader password 1', role: role.id }), 'user');
	const dashboard = await ok(await api(url, 'POST', '/dashboards', { name: 'Shared', icon: 'insights' }), 'dashboard');
	const panel = async (name: string, type: string, position_y: number, options: Record<string, unknown>) =>
		ok(
			await api(url, 'POST', '/panels', { dashboard: dashboard.id, name, show_header: true, type, position_x: 1, position_y, width: 12, height: 6, options }),
			`panel ${name}`,
		);
	await panel('All articles', 'metric', 1, { collection: 'articles', function: 'count' });
	await panel('Status counts', 'bar', 8, { collection: 'articles', groupField: 'status' });
	await panel('Authors', 'metric', 15, { collection: 'authors', function: 'count' });
}

studioTest(
	'each panel queries as the viewer: a reader sees counts over the rows their role allows, and an error where it allows nothing',
	async ({ t, page, login, open, url }) => {
		const dashboard = (await api(url, 'GET', '/dashboards?fields=id')).body.data[0];
		await login('reader@example.com', 'reader password 1');
		const opening = performance.now();
		await open(`/insights/${dashboard.id}`);
		const count = page.getByRole('article', { name: 'All articles', exact: true }).locator('.metric');
		await count.waitFor();
		t.log(`the dashboard showed its first metric ${Math.round(performance.now() - opening)} ms after navigation started`);
		t.is(await count.innerText(), '10', 'only the published articles');
		const bars = page.getByRole('article', { name: 'Status counts', exact: true }).getByRole('list', { name: 'Bars' });
		await bars.getByText('published').waitFor();
		t.regex(await bars.innerText(), /^published\s+10$/);
		const authors = page.getByRole('article', { name: 'Authors', exact: true }).getByRole('alert');
		t.regex(await authors.innerText(), /permission/i);
	},
	{ seed: seedReaderDashboard },
);
