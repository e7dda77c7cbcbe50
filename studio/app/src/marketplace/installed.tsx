import { useEffect, useState } from 'preact/hooks';
import { registry } from '../lib/extensions.js';
import { useStore } from '../lib/store.js';
import { reportError } from '../lib/toasts.js';
import { listInstalled } from './manage.js';
import { StateBadge } from './state.js';
import { pageHref, type ExtensionInfo } from './types.js';
import { DataTable } from '../lib/list-page.js';

const origins: Record<ExtensionInfo['origin'], string> = { 'first-party': 'Mantle', local: 'Extensions folder', registry: 'Registry' };

/** Every extension the kernel knows: where it came from, its state and why it failed to load. */
export function InstalledList() {
	const [list, setList] = useState<ExtensionInfo[] | null>(null);
	const { failures } = useStore(registry);
	useEffect(() => {
		listInstalled().then(setList, (error) => {
			reportError(error);
			setList([]);
		});
	}, []);
	if (!list) return <p class="muted">Loading…</p>;
	const sorted = [...list].sort((a, b) => (a.origin === 'first-party' ? 1 : 0) - (b.origin === 'first-party' ? 1 : 0) || a.name.localeCompare(b.name));
	return (
		<section aria-labelledby="installed-title">
			<h1 id="installed-title">Installed extensions</h1>
			{failures.map((failure) => (
				<p class="extension-error" role="alert" key={failure.url}>
					This page could not load {failure.url}: {failure.message}
				</p>
			))}
			<DataTable label="Installed extensions" columns={['Name', 'Version', 'Type', 'Source', 'State']}>
				{sorted.map((extension) => (
					<tr key={extension.name} data-extension={extension.name}>
						<td>{extension.origin === 'registry' ? <a href={pageHref(extension.name)}>{extension.name}</a> : extension.name}</td>
						<td>{extension.version}</td>
						<td>{extension.type}</td>
						<td>{origins[extension.origin] ?? extension.origin}</td>
						<td>
							<StateBadge extension={extension} />
							{extension.error && <p class="extension-error">{extension.error}</p>}
						</td>
					</tr>
				))}
			</DataTable>
		</section>
	);
}
