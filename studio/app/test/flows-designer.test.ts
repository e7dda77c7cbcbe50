import { api } from '../../../core/test/helpers/http.js';
import { eventually } from '../../../core/test/helpers/wait.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

studioTest(
	'an admin builds a manual flow with a condition and two operations in the designer, runs it from the content module after its confirmation and reads its log',
	async ({ t, page, login, open, url }) => {
		await login();
		await open('/settings/flows');
		await page.getByRole('button', { name: 'Create flow' }).click();
		await page.getByLabel('Flow name').fill('Publish the first');
		await page.getByLabel('Trigger').selectOption('manual');
		await page.getByRole('button', { name: 'Create', exact: true }).click();
		await page.getByRole('heading', { name: 'Publish the first' }).waitFor();

		await page.getByRole('button', { name: 'Edit trigger' }).click();
		await page.getByRole('group', { name: 'Collections' }).getByLabel('articles', { exact: true }).check();
		await page.getByLabel('Ask for confirmation first').check();
		await page.getByLabel('Confirmation text').fill('Publish the selected articles?');
		await page.getByLabel('Confirmation fields').fill('[{ "field": "reason", "name": "Reason" }]');
		await page.getByRole('button', { name: 'Save trigger' }).click();
		await page.getByText('On articles').waitFor();

		const addOperation = async (button: string, key: string, type: string, fill: () => Promise<void>) => {
			await page.getByRole('button', { name: button }).click();
			await page.getByLabel('Key', { exact: true }).fill(key);
			await page.getByLabel('Type').selectOption({ label: type });
			await fill();
			await page.getByRole('button', { name: 'Add operation' }).click();
			await page.locator(`.flow-card[data-key="${key}"]`).waitFor();
		};
		await addOperation('Add first operation', 'is_first', 'Condition', async () => {
			await page.getByLabel('Rules').fill('{ "$trigger": { "body": { "keys": { "_contains": 1 } } } }');
		});
		await addOperation('Add an operation when is_first succeeds', 'publish', 'Update Data', async () => {
			await page.getByLabel('Collection').selectOption('articles');
			await page.getByLabel('Keys').fill('{{ $trigger.body.keys }}');
			await page.getByLabel('Payload').fill('{ "status": "published" }');
		});
		await addOperation('Add an operation when is_first fails', 'note', 'Log to Console', async () => {
			await page.getByLabel('Message').fill('Not the first article: {{ $trigger.body.keys }}');
		});

		const canvas = page.getByRole('region', { name: 'Flow canvas' });
		t.is(await canvas.locator('path.link-resolve').count(), 2, 'trigger → is_first and is_first → publish are green');
		t.is(await canvas.locator('path.link-reject').count(), 1, 'is_first → note is red');

		// Dragging a card by its title moves it on the grid, and the new place is saved.
		const flow = (await api(url, 'GET', '/flows?fields=id,operation&filter[name][_eq]=Publish the first')).body.data[0];
		const noteBefore = (await api(url, 'GET', `/operations?filter[key][_eq]=note&filter[flow][_eq]=${flow.id}`)).body.data[0];
		const handle = canvas.locator('.flow-card[data-key="note"] .drag-handle');
		const box = (await handle.boundingBox())!;
		await page.mouse.move(box.x + 20, box.y + 8);
		await page.mouse.down();
		await page.mouse.move(box.x + 70, box.y + 38, { steps: 5 });
		await page.mouse.move(box.x + 120, box.y + 68, { steps: 5 });
		await page.mouse.up();
		t.true(
			await eventually(async () => {
				const note = (await api(url, 'GET', `/operations/${noteBefore.id}`)).body.data;
				return note.position_x === noteBefore.position_x + 5 && note.position_y === noteBefore.position_y + 3;
			}, 10_000),
			'position_x/y saved after the drop',
		);

		// Run it from the content module: once on article 1 (the condition holds), once on article 2.
		await open('/content/articles');
		const table = page.locator('.layout');
		/** Starts the flow on the selection, answering its confirmation with a reason. */
		const runWith = async (reason: string) => {
			await page.getByRole('button', { name: '▶ Publish the first' }).click();
			const confirm = page.getByRole('dialog', { name: 'Run “Publish the first”?' });
			await confirm.getByText('Publish the selected articles?').waitFor();
			await confirm.getByLabel('Reason').fill(reason);
			await confirm.getByRole('button', { name: 'Run flow' }).click();
		};
		await table.getByRole('checkbox', { name: 'Select item 1', exact: true }).check();
		await runWith('launch');
		await page.getByText('“Publish the first” ran on 1 item.').waitFor();
		t.is((await api(url, 'GET', '/items/articles/1?fields=status')).body.data.status, 'published');
		await table.getByRole('checkbox', { name: 'Select item 1', exact: true }).uncheck();
		await table.getByRole('checkbox', { name: 'Select item 2', exact: true }).check();
		await runWith('not yet');
		await page.getByText('“Publish the first” ran on 1 item.').nth(0).waitFor();
		t.true(await eventually(async () => (await api(url, 'GET', `/flows/${flow.id}/runs`)).body.data.length === 2, 10_000));
		// The item page offers the same flow for the open item.
		await open('/content/articles/3');
		await runWith('from the item page');
		await page.getByText('“Publish the first” ran on 1 item.').first().waitFor();
		t.true(await eventually(async () => (await api(url, 'GET', `/flows/${flow.id}/runs`)).body.data.length === 3, 10_000));
		t.is((await api(url, 'GET', '/items/articles/2?fields=status')).body.data.status, 'draft', 'the reject path left article 2 alone');
		const logged = (await api(url, 'GET', `/flows/${flow.id}/runs`)).body.data;
		t.deepEqual(
			logged.map((run: { trigger: { body: { reason: string; keys: number[] } } }) => [run.trigger.body.reason, run.trigger.body.keys]),
			[
				['from the item page', ['3']],
				['not yet', [2]],
				['launch', [1]],
			],
			'the confirmation values reach the run',
		);

		const opening = performance.now();
		await open(`/settings/flows/${flow.id}`);
		await page.locator('.flow-card[data-key="note"]').waitFor();
		t.log(`the designer drew the flow ${Math.round(performance.now() - opening)} ms after navigation started`);
		await page.getByRole('button', { name: 'Logs' }).click();
		const runs = page.getByRole('list', { name: 'Runs' }).locator(':scope > li');
		await runs.first().waitFor();
		t.is(await runs.count(), 3);
		await runs.nth(1).locator('summary').first().click();
		t.regex(await runs.nth(1).getByRole('list', { name: 'Steps' }).innerText(), /is_first.*rejected[\s\S]*note.*resolved/);
		await runs.nth(2).locator('summary').first().click();
		const older = runs.nth(2).getByRole('list', { name: 'Steps' });
		t.regex(await older.innerText(), /is_first.*resolved[\s\S]*publish.*resolved/);
		await older.getByText('Options and data').nth(1).click();
		t.regex(await older.locator('pre').nth(1).innerText(), /"status": "published"/);
	},
	{ seed: (url) => seedBlog(url, { articles: 3 }) },
);
