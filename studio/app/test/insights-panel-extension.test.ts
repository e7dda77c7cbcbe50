import { api } from '../../../core/test/helpers/http.js';
import { dropExtension } from './helpers/extension-folder.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

/** A panel extension's built source: ESM, preact from the Studio. */
const taglineSource = `import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
function Tagline(props) {
	const [count, setCount] = useState(null);
	useEffect(() => {
		props.api.request('/items/' + props.options.collection, { query: { aggregate: { count: '*' } } }).then((rows) => setCount(rows[0].count));
	}, [props.options.collection]);
	return h('p', { class: 'tagline' }, props.options.greeting + ': ' + (count === null ? '…' : count) + ' in ' + props.options.collection);
}
export default {
	id: 'tagline',
	name: 'Tagline',
	icon: 'title',
	options: [
		{ field: 'greeting', name: 'Greeting', type: 'string', meta: { interface: 'input' } },
		{ field: 'collection', name: 'Counted collection', type: 'string', meta: { interface: 'system-collection' } },
	],
	minWidth: 10,
	minHeight: 4,
	component: Tagline,
};
`;

studioTest(
	'a panel extension installed into EXTENSIONS_PATH is offered on dashboards, configured through its own options schema and queries as the viewer',
	async ({ t, page, login, open, url, running }) => {
		dropExtension(running.kernel.config.extensions.path, { name: 'mantle-panel-tagline', manifest: { type: 'panel' }, dist: { 'index.js': taglineSource } });
		t.is((await api(url, 'POST', '/extensions/reload')).status, 200);
		const dashboard = (await api(url, 'POST', '/dashboards', { name: 'With extension' })).body.data;

		await login();
		await open(`/insights/${dashboard.id}`);
		await page.getByRole('button', { name: 'Add panel' }).click();
		await page.getByLabel('Panel type').selectOption({ label: 'Tagline' });
		await page.getByLabel('Title').fill('Tagline');
		await page.getByLabel('Greeting').fill('Stories so far');
		await page.getByLabel('Counted collection').selectOption('articles');
		await page.getByRole('button', { name: 'Add panel' }).last().click();
		const tagline = page.getByRole('article', { name: 'Tagline', exact: true }).locator('.tagline');
		await page.waitForFunction(() => document.querySelector('.tagline')?.textContent === 'Stories so far: 12 in articles');
		t.is(await tagline.innerText(), 'Stories so far: 12 in articles');
		t.like((await api(url, 'GET', '/panels?fields=type,width,options')).body.data[0], {
			type: 'tagline',
			width: 10,
			options: { greeting: 'Stories so far', collection: 'articles' },
		});
	},
	{ seed: (url) => seedBlog(url, { articles: 12 }) },
);
