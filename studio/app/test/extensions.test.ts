import { api } from '../../../core/test/helpers/http.js';
import { dropExtension } from './helpers/extension-folder.js';
import { studioTest } from './helpers/studio.js';
import { seedBlog } from './helpers/seed.js';

/** An app extension's built interface, dropped into EXTENSIONS_PATH as an operator would. */
function install(extensionsPath: string, name: string, source: string) {
	dropExtension(extensionsPath, { name, manifest: { type: 'interface' }, dist: { 'index.js': source } });
}

const stars = `import { h } from 'preact';
import { useState } from 'preact/hooks';
function Stars(props) {
	const [hover, setHover] = useState(null);
	const value = props.value ?? 0;
	return h('div', { role: 'radiogroup', 'aria-label': props.label }, [1, 2, 3, 4, 5].map((n) =>
		h('button', { type: 'button', 'aria-label': n + ' stars', 'aria-pressed': String(n <= (hover ?? value)), onMouseEnter: () => setHover(n), onMouseLeave: () => setHover(null), onClick: () => props.onInput(n) }, n <= (hover ?? value) ? '★' : '☆')));
}
export default { id: 'stars', name: 'Stars', icon: 'star', types: ['integer'], component: Stars };
`;

const broken = `export default { id: 'broken', name: 'Broken', icon: 'error', types: ['integer'], component: () => { throw new Error('this interface is broken on purpose'); } };
`;

studioTest(
	'an app extension installed into EXTENSIONS_PATH is used without rebuilding the Studio; one that throws shows an error box in its place',
	async ({ t, page, login, open, url, running }) => {
		install(running.kernel.config.extensions.path, 'mantle-interface-stars', stars);
		install(running.kernel.config.extensions.path, 'mantle-interface-broken', broken);
		t.is((await api(url, 'POST', '/extensions/reload')).status, 200);
		const list = (await (await fetch(`${url}/extensions/sources/index.json`)).json()).data.map((module: any) => module.extension);
		t.true(list.includes('mantle-interface-stars') && list.includes('mantle-interface-broken'), 'the kernel lists both for the Studio');
		t.is((await api(url, 'PATCH', '/fields/articles/rating', { meta: { interface: 'stars' } })).status, 200);
		t.is((await api(url, 'PATCH', '/fields/articles/views', { meta: { interface: 'broken' } })).status, 200);

		await login();
		await open('/content/articles/1');
		const rating = page.locator('.field[data-field="rating"]');
		await rating.getByRole('button', { name: '4 stars' }).click();
		t.is(await rating.getByRole('button', { name: '4 stars' }).getAttribute('aria-pressed'), 'true');
		const views = page.locator('.field[data-field="views"]');
		t.regex(await views.getByRole('alert').innerText(), /Broken.*could not be shown.*broken on purpose/s);
		await page.getByLabel('Title').fill('Still editable');
		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.getByText('Saved.').waitFor();
		t.like((await api(url, 'GET', '/items/articles/1?fields=title,rating')).body.data, { title: 'Still editable', rating: 4 });
	},
	{ seed: (url) => seedBlog(url, { articles: 2 }) },
);

/** A bundle as an operator would drop it into EXTENSIONS_PATH: one package, an interface and a display. */
function installBundle(extensionsPath: string, name: string, entries: Record<string, { type: string; source: string }>) {
	const manifest = { type: 'bundle', source: 'dist', entries: Object.entries(entries).map(([entry, { type }]) => ({ type, name: entry })) };
	const dist = Object.fromEntries(Object.entries(entries).map(([entry, { source }]) => [`${entry}.js`, source]));
	dropExtension(extensionsPath, { name, manifest, dist });
}

const stepper = `import { h } from 'preact';
export default { id: 'stepper', name: 'Stepper', icon: 'add', types: ['integer'], component: (props) =>
	h('button', { type: 'button', 'aria-label': 'Add one to ' + props.label, onClick: () => props.onInput((props.value ?? 0) + 1) }, 'Add one') };
`;
const meter = `import { h } from 'preact';
export default { id: 'meter', name: 'Meter', icon: 'bolt', types: ['integer'], component: ({ value }) =>
	h('span', { class: 'meter' }, value === null || value === undefined ? '' : '▮'.repeat(Math.min(10, Math.round(value / 10)))) };
`;

studioTest(
	'an app-extension bundle installed into EXTENSIONS_PATH gives the Studio its interface and its display, with no rebuild',
	async ({ t, page, login, open, url, running }) => {
		installBundle(running.kernel.config.extensions.path, 'mantle-bundle-gauges', {
			stepper: { type: 'interface', source: stepper },
			meter: { type: 'display', source: meter },
		});
		t.is((await api(url, 'POST', '/extensions/reload')).status, 200);
		const listed = (await (await fetch(`${url}/extensions/sources/index.json`)).json()).data.filter(
			(module: any) => module.extension === 'mantle-bundle-gauges',
		);
		t.deepEqual(listed.map((module: any) => [module.type, module.name]).sort(), [
			['display', 'meter'],
			['interface', 'stepper'],
		]);
		t.is((await api(url, 'PATCH', '/fields/articles/views', { meta: { interface: 'stepper', display: 'meter' } })).status, 200);

		await login();
		await open('/content/articles');
		const cell = page.getByRole('table', { name: 'Articles items' }).locator('tbody tr').nth(1).locator('td[data-field="views"] .meter');
		t.is(await cell.innerText(), '▮', 'the bundle’s display draws the column (10 views)');
		await open('/content/articles/2');
		await page.getByRole('button', { name: 'Add one to Views' }).click();
		await page.getByRole('button', { name: 'Save and stay' }).click();
		await page.getByText('Saved.').waitFor();
		t.is((await api(url, 'GET', '/items/articles/2?fields=views')).body.data.views, 11, 'the bundle’s interface edited the value');
	},
	{ seed: (url) => seedBlog(url, { articles: 2 }) },
);
