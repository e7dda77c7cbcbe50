import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../lib/api.js';
import { base } from '../lib/router.js';
import { notify, reportError } from '../lib/toasts.js';
import { grantScopes, install, listInstalled, setFlags, uninstall } from './manage.js';
import { ScopeList } from './scopes.js';
import { StateBadge } from './state.js';
import type { ExtensionInfo, ExtensionPage as Page, VersionEntry } from './types.js';
import { DataTable } from '../lib/list-page.js';

/** One extension: its readme, versions and scopes, and everything an admin does with it. */
export function ExtensionPage({ name }: { name: string }) {
	const [page, setPage] = useState<Page | null>(null);
	const [installed, setInstalled] = useState<ExtensionInfo | null | undefined>(undefined);
	const [problem, setProblem] = useState<string | null>(null);
	/** The version the admin is about to install, while they read its scopes. */
	const [pending, setPending] = useState<VersionEntry | null>(null);
	const [busy, setBusy] = useState(false);

	const refreshInstalled = () => listInstalled().then((list) => setInstalled(list.find((entry) => entry.name === name) ?? null), reportError);
	useEffect(() => {
		api.get<Page>(`/extensions/registry/extension/${encodeURIComponent(name)}`).then(setPage, (error) => setProblem(messageOf(error)));
		void refreshInstalled();
	}, [name]);

	async function act(work: () => Promise<unknown>, done: string) {
		setBusy(true);
		try {
			await work();
			await refreshInstalled();
			notify(done, 'success');
		} catch (error) {
			reportError(error);
		} finally {
			setBusy(false);
			setPending(null);
		}
	}

	if (problem)
		return (
			<p class="extension-error" role="alert">
				{problem}
			</p>
		);
	if (!page || installed === undefined) return <p class="muted">Loading…</p>;
	const latest = page.dist_tags.latest ?? page.version;
	const fromRegistry = installed?.origin === 'registry';

	return (
		<article class="extension-page" aria-labelledby="extension-title">
			<header class="page-header">
				<h1 id="extension-title">{page.name}</h1>
				<span class="badge">{page.type}</span>
				{installed && <StateBadge extension={installed} />}
			</header>
			<p>{page.description}</p>
			<dl class="facts">
				<dt>Publisher</dt>
				<dd>
					{page.publisher.name}
					{page.publisher.verified ? <span class="badge verified"> ✓ Verified publisher</span> : <span class="muted"> (not verified)</span>}
				</dd>
				<dt>Latest version</dt>
				<dd>{latest}</dd>
				<dt>Installed version</dt>
				<dd data-testid="installed-version">{installed?.version ?? 'Not installed'}</dd>
				<dt>Downloads this week</dt>
				<dd>{page.downloads_week}</dd>
				<dt>Licence</dt>
				<dd>{page.license ?? 'None given'}</dd>
				<dt>Runs</dt>
				<dd>{page.sandboxed ? 'In the sandbox, with only the scopes an admin grants' : 'In the server process (not sandboxed)'}</dd>
			</dl>

			<h2>Requested scopes</h2>
			<ScopeList scopes={page.requested_scopes} label="Requested scopes" />

			<div class="row extension-actions">
				{!installed && (
					<button type="button" class="primary" disabled={busy} onClick={() => setPending(page.versions.find((entry) => entry.version === latest) ?? null)}>
						Install
					</button>
				)}
				{fromRegistry && installed!.version !== latest && (
					<button type="button" class="primary" disabled={busy} onClick={() => setPending(page.versions.find((entry) => entry.version === latest) ?? null)}>
						Update to {latest}
					</button>
				)}
				{fromRegistry && installed!.status === 'awaiting-grant' && (
					<button type="button" class="primary" disabled={busy} onClick={() => act(() => grantScopes(name), 'Scopes granted; the extension runs.')}>
						Grant requested scopes
					</button>
				)}
				{installed && installed.origin !== 'first-party' && (
					<>
						<button
							type="button"
							disabled={busy}
							onClick={() => act(() => setFlags(name, { enabled: !installed.enabled }), installed.enabled ? 'Extension disabled.' : 'Extension enabled.')}
						>
							{installed.enabled ? 'Disable' : 'Enable'}
						</button>
						<button
							type="button"
							disabled={busy}
							onClick={() => {
								if (!installed.trusted && !confirm(`Run ${name} in the server process, outside the sandbox, with full access?`)) return;
								void act(
									() => setFlags(name, { trusted: !installed.trusted }),
									installed.trusted ? 'The extension runs in the sandbox again.' : 'Extension marked trusted.',
								);
							}}
						>
							{installed.trusted ? 'Stop trusting' : 'Mark trusted'}
						</button>
					</>
				)}
				{fromRegistry && (
					<button
						type="button"
						class="danger"
						disabled={busy}
						onClick={() => {
							if (!confirm(`Uninstall ${name}? Its files and settings are removed.`)) return;
							void act(() => uninstall(name), 'Extension uninstalled.');
						}}
					>
						Uninstall
					</button>
				)}
			</div>
			{installed?.error && (
				<p class="extension-error" role="alert">
					{installed.error}
				</p>
			)}

			{pending && (
				<section class="install-confirm" role="dialog" aria-labelledby="install-title">
					<h2 id="install-title">
						Install {page.name} {pending.version}
					</h2>
					<ScopeList scopes={pending.requested_scopes} label="Scopes to grant" />
					<div class="row">
						<button type="button" onClick={() => setPending(null)}>
							Cancel
						</button>
						{Object.keys(pending.requested_scopes ?? {}).length > 0 && (
							<button type="button" disabled={busy} onClick={() => act(() => install(name, pending.version, false), 'Installed; it waits for a scope grant.')}>
								Install without granting
							</button>
						)}
						<button
							type="button"
							class="primary"
							disabled={busy}
							onClick={() => act(() => install(name, pending.version, true), `Installed ${pending.version}.`)}
						>
							{Object.keys(pending.requested_scopes ?? {}).length > 0 ? 'Install and grant these scopes' : 'Install'}
						</button>
					</div>
				</section>
			)}

			<h2>Versions</h2>
			<DataTable label="Versions" columns={['Version', 'Published', 'Host']} hiddenColumn="Action">
				{page.versions.map((entry) => (
					<tr key={entry.version} data-version={entry.version}>
						<td>
							{entry.version}
							{entry.deprecated && <span class="muted"> (deprecated: {entry.deprecated})</span>}
						</td>
						<td>{new Date(entry.published_at).toLocaleDateString()}</td>
						<td>{entry.host}</td>
						<td>
							{installed?.version === entry.version ? (
								<span class="muted">Installed</span>
							) : (
								<button type="button" disabled={busy || (installed !== null && !fromRegistry)} onClick={() => setPending(entry)}>
									{installed ? `Switch to ${entry.version}` : `Install ${entry.version}`}
								</button>
							)}
						</td>
					</tr>
				))}
			</DataTable>

			<h2>Readme</h2>
			{page.readme_html ? (
				// The registry renders the README and strips anything active from it; the page's CSP allows no inline script either.
				<div class="readme" dangerouslySetInnerHTML={{ __html: page.readme_html }} />
			) : (
				<p class="muted">This extension has no readme.</p>
			)}
			<p>
				<a href={`${base}/settings/marketplace`}>Back to the marketplace</a>
			</p>
		</article>
	);
}
