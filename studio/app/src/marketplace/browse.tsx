import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { reportError } from '../lib/toasts.js';
import { extensionTypes, pageHref, type RegistryListing } from './types.js';

/** The configured registry's extensions, searched by words and filtered by type. */
export function MarketplaceBrowse() {
	const [query, setQuery] = useState({ search: '', type: '', sort: 'downloads', sandboxed: '', host: '' });
	/** This kernel's version, to list only extensions whose host range accepts it (admins learn it from /server/info). */
	const [version, setVersion] = useState<string | null>(null);
	useEffect(() => {
		api.get<{ version?: string }>('/server/info').then(
			(info) => info.version && (setVersion(info.version), setQuery((current) => ({ ...current, host: info.version! }))),
			() => setVersion(null),
		);
	}, []);
	const [result, setResult] = useState<{ items: RegistryListing[]; total: number } | null>(null);
	const [problem, setProblem] = useState<string | null>(null);
	useEffect(() => {
		let current = true;
		const params = Object.fromEntries(Object.entries(query).filter(([, value]) => value !== ''));
		api.envelope<RegistryListing[]>('/extensions/registry', { ...params, limit: 50 }).then(
			(envelope) => current && (setResult({ items: envelope.data, total: envelope.meta?.filter_count ?? envelope.data.length }), setProblem(null)),
			(error) => {
				if (!current) return;
				setResult({ items: [], total: 0 });
				setProblem(error instanceof Error ? error.message : String(error));
				if (!(error instanceof Error)) reportError(error);
			},
		);
		return () => {
			current = false;
		};
	}, [query.search, query.type, query.sort, query.sandboxed, query.host]);

	return (
		<section aria-labelledby="marketplace-title">
			<header class="page-header">
				<h1 id="marketplace-title">Marketplace</h1>
				<span class="count" aria-live="polite">
					{result ? `${result.total} extension${result.total === 1 ? '' : 's'}` : ''}
				</span>
			</header>
			<form
				class="row marketplace-filters"
				role="search"
				onSubmit={(event) => {
					event.preventDefault();
					setQuery({ ...query, search: String(new FormData(event.currentTarget).get('search') ?? '') });
				}}
			>
				<label>
					Search extensions
					<input type="search" name="search" defaultValue={query.search} placeholder="Name, description or keyword" />
				</label>
				<label>
					Type
					<select value={query.type} onChange={(e) => setQuery({ ...query, type: e.currentTarget.value })}>
						<option value="">Any type</option>
						{extensionTypes.map((type) => (
							<option key={type}>{type}</option>
						))}
					</select>
				</label>
				<label>
					Sort by
					<select value={query.sort} onChange={(e) => setQuery({ ...query, sort: e.currentTarget.value })}>
						<option value="downloads">Downloads</option>
						<option value="recent">Recently updated</option>
						<option value="name">Name</option>
					</select>
				</label>
				<label class="check">
					<input
						type="checkbox"
						checked={query.sandboxed === 'true'}
						onChange={(e) => setQuery({ ...query, sandboxed: e.currentTarget.checked ? 'true' : '' })}
					/>
					Sandboxed only
				</label>
				{version && (
					<label class="check">
						<input type="checkbox" checked={query.host !== ''} onChange={(e) => setQuery({ ...query, host: e.currentTarget.checked ? version : '' })} />
						Only for this Mantle ({version})
					</label>
				)}
				<button type="submit">Search</button>
			</form>
			{problem && (
				<p class="extension-error" role="alert">
					{problem}
				</p>
			)}
			{!result ? (
				<p class="muted">Loading…</p>
			) : (
				<ul class="market-grid" aria-label="Extensions">
					{result.items.map((item) => (
						<li key={item.name} class="market-card">
							<a href={pageHref(item.name)}>
								<strong>{item.name}</strong>
							</a>
							<span class="badge">{item.type}</span>
							<p>{item.description ?? 'No description.'}</p>
							<p class="muted">
								v{item.version} · {item.publisher.name}
								{item.publisher.verified ? ' ✓ verified' : ''} · {item.downloads_week} downloads this week
								{item.sandboxed ? ' · sandboxed' : ''}
							</p>
						</li>
					))}
					{result.items.length === 0 && !problem && <li class="muted">No extension matches.</li>}
				</ul>
			)}
		</section>
	);
}
