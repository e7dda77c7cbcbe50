import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { registry } from '../lib/extensions.js';
import { base, match } from '../lib/router.js';
import { loadProject } from '../lib/session.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';

/** `/admin/settings/...`: the project's name and colour, and the installed extensions. */
export default function Settings({ path }: { path: string }) {
	const section = match('/settings/:section', path)?.section ?? 'project';
	return (
		<div class="settings">
			<nav aria-label="Settings" class="tabs">
				<a href={`${base}/settings/project`} aria-current={section === 'project' ? 'page' : undefined}>
					Project
				</a>
				<a href={`${base}/settings/extensions`} aria-current={section === 'extensions' ? 'page' : undefined}>
					Extensions
				</a>
			</nav>
			{section === 'extensions' ? <Extensions /> : <Project />}
		</div>
	);
}

function Project() {
	const [values, setValues] = useState<{ project_name?: string; project_color?: string } | null>(null);
	useEffect(() => {
		api.get('/settings').then(setValues, (error) => {
			reportError(error);
			setValues({});
		});
	}, []);
	if (!values) return <p class="muted">Loading…</p>;
	async function save(event: Event) {
		event.preventDefault();
		try {
			await api.patch('/settings', { project_name: values!.project_name, project_color: values!.project_color });
			await loadProject();
			notify('Settings saved.', 'success');
		} catch (error) {
			reportError(error);
		}
	}
	return (
		<form class="form-grid" onSubmit={save} aria-labelledby="project-title">
			<h1 id="project-title" class="width-full">
				Project
			</h1>
			<label class="field width-half">
				Project name
				<input value={values.project_name ?? ''} onInput={(e) => setValues({ ...values, project_name: e.currentTarget.value })} />
			</label>
			<label class="field width-half">
				Project colour
				<input type="color" value={values.project_color ?? '#6644ff'} onInput={(e) => setValues({ ...values, project_color: e.currentTarget.value })} />
			</label>
			<div class="width-full">
				<button type="submit" class="primary">
					Save
				</button>
			</div>
		</form>
	);
}

interface ExtensionInfo {
	name: string;
	type: string | null;
	status: string;
	error?: string;
}

function Extensions() {
	const { interfaces, displays, layouts, failures } = useStore(registry);
	const [list, setList] = useState<ExtensionInfo[]>([]);
	useEffect(() => {
		api.get<ExtensionInfo[]>('/extensions').then(setList, () => setList([]));
	}, []);
	return (
		<section aria-labelledby="extensions-title">
			<h1 id="extensions-title">Extensions</h1>
			<p>
				{interfaces.size} interfaces, {displays.size} displays and {layouts.size} layouts are loaded in this page.
			</p>
			{failures.map((failure) => (
				<p class="extension-error" role="alert" key={failure.url}>
					{failure.url}: {failure.message}
				</p>
			))}
			<table class="table">
				<thead>
					<tr>
						<th scope="col">Name</th>
						<th scope="col">Type</th>
						<th scope="col">Status</th>
					</tr>
				</thead>
				<tbody>
					{list.map((extension) => (
						<tr key={extension.name}>
							<td>{extension.name}</td>
							<td>{extension.type}</td>
							<td>{extension.error ? `${extension.status}: ${extension.error}` : extension.status}</td>
						</tr>
					))}
				</tbody>
			</table>
		</section>
	);
}
