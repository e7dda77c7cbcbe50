import { useEffect } from 'preact/hooks';
import { whenIdle } from '../lib/idle.js';
import { bookmarkHref, bookmarks, loadBookmarks } from '../lib/presets.js';
import { base, useLocation } from '../lib/router.js';
import { schema, type Collection } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { Icon } from './icons.js';

/** Collection groups are collections without a table; their children nest under them. */
export function Navigation({ active }: { active?: string }) {
	const { collections } = useStore(schema);
	const saved = useStore(bookmarks);
	const { search } = useLocation();
	const openBookmark = search.get('bookmark');
	// Not needed for the first draw: asked for once the page is idle, off the first table's path.
	useEffect(() => whenIdle(() => void loadBookmarks()), []);
	const visible = collections.filter((collection) => !collection.collection.startsWith('directus_') && !collection.meta?.hidden);
	const bySort = (a: Collection, b: Collection) => (a.meta?.sort ?? 999) - (b.meta?.sort ?? 999) || a.collection.localeCompare(b.collection);
	// A collection whose group the user can't see is shown at the top level rather than lost.
	const names = new Set(visible.map((collection) => collection.collection));
	const groupOf = (collection: Collection) => (collection.meta?.group && names.has(collection.meta.group) ? collection.meta.group : null);
	const childrenOf = (group: string | null) => visible.filter((collection) => groupOf(collection) === group).sort(bySort);

	function tree(group: string | null, depth: number): preact.JSX.Element | null {
		const items = childrenOf(group);
		if (items.length === 0) return null;
		return (
			<ul role={depth === 0 ? undefined : 'group'}>
				{items.map((collection) => {
					const isGroup = collection.schema === null;
					const label = humanize(collection.collection);
					return (
						<li key={collection.collection}>
							{isGroup ? (
								<span class="nav-group">
									<Icon name={collection.meta?.icon ?? 'folder'} />
									<span style={collection.meta?.color ? { color: collection.meta.color } : undefined}>{label}</span>
								</span>
							) : (
								<a
									href={`${base}/content/${encodeURIComponent(collection.collection)}`}
									aria-current={active === collection.collection && !openBookmark ? 'page' : undefined}
								>
									<span class="nav-icon" style={collection.meta?.color ? { color: collection.meta.color } : undefined}>
										<Icon name={collection.meta?.icon ?? (collection.meta?.singleton ? 'description' : 'label')} />
									</span>
									{label}
								</a>
							)}
							{tree(collection.collection, depth + 1)}
						</li>
					);
				})}
			</ul>
		);
	}

	return (
		<nav class="navigation" aria-label="Collections">
			<h2>Content</h2>
			{tree(null, 0) ?? <p class="muted">No collections you can see yet.</p>}
			{saved.length > 0 && (
				<>
					<h2 id="bookmarks-title">Bookmarks</h2>
					<ul aria-labelledby="bookmarks-title">
						{saved.map((bookmark) => (
							<li key={bookmark.id}>
								<a href={bookmarkHref(bookmark)} aria-current={openBookmark === String(bookmark.id) ? 'page' : undefined}>
									<span class="nav-icon">
										<Icon name="bookmark" />
									</span>
									{bookmark.bookmark}
								</a>
							</li>
						))}
					</ul>
				</>
			)}
		</nav>
	);
}

export function humanize(name: string): string {
	const words = name
		.replace(/^directus_/, '')
		.replace(/[_-]+/g, ' ')
		.trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}
