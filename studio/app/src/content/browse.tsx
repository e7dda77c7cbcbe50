import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { asComponent, registry, type StudioLayoutProps } from '../lib/extensions.js';
import { base, navigate, useLocation } from '../lib/router.js';
import { fieldsOf, primaryKeyOf, schema } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';
import { bookmarkHref, bookmarks, createBookmark, loadBookmark, loadPreset, savePreset, type Preset } from '../lib/presets.js';
import { studioApi } from '../lib/api.js';
import { ExtensionBoundary } from '../shell/boundary.js';
import { ConfirmDialog } from '../shell/dialog.js';
import { humanize } from '../shell/navigation.js';
import { FilterBuilder, fieldPaths, rulesToFilter } from './filter.js';
import { fetchItems, initialState, itemsQuery, type State } from './browse-state.js';
import { BulkEdit } from './bulk-edit.js';
import { ManualFlowButtons } from '../flows/manual-trigger.js';
import { cellRenderer, type CellRenderer } from './value-display.js';

const pageSizes = [25, 50, 100, 250, 500, 1000];

/** A collection's items through a layout, with search, filter, sort, paging and bulk actions. */
export function Browse({ collection, base: moduleBase = `/content/${encodeURIComponent(collection)}` }: { collection: string; base?: string }) {
	const model = useStore(schema);
	const extensions = useStore(registry);
	const location = useLocation();
	const primaryKey = primaryKeyOf(collection, model);
	const hasImage = fieldsOf(collection, model).some((field) => field.meta?.special?.includes('file') || field.meta?.interface === 'image');
	const [state, setState] = useState<State | null>(null);
	const [preset, setPreset] = useState<Preset | null>(null);
	const [items, setItems] = useState<Record<string, unknown>[]>([]);
	const [counts, setCounts] = useState<{ total: number | null; filtered: number | null }>({ total: null, filtered: null });
	const [loading, setLoading] = useState(true);
	const [selection, setSelection] = useState<Array<string | number>>([]);
	const [panel, setPanel] = useState<'filter' | 'columns' | 'bulk' | null>(null);
	const [confirming, setConfirming] = useState(false);
	const saved = useStore(bookmarks).filter((bookmark) => bookmark.collection === collection);
	const loaded = useRef(0);
	/** Bumped to read the page again after a bulk change. */
	const [version, setVersion] = useState(0);

	const bookmarkId = location.search.get('bookmark');
	useEffect(() => {
		// A bookmark (`?bookmark=<id>`) shows its saved view; changes made from there are the user's own preset.
		Promise.all([loadPreset(collection), bookmarkId ? loadBookmark(bookmarkId) : null]).then(([found, bookmark]) => {
			setPreset(found);
			setState(initialState(collection, bookmark?.collection === collection ? bookmark : found, location.search, model));
		});
	}, [collection, bookmarkId]);

	const filter = useMemo(() => (state ? rulesToFilter(state.rules) : undefined), [state?.rules]);
	const renderers = useMemo(
		() => new Map<string, CellRenderer>((state?.fields ?? []).map((path) => [path, cellRenderer(collection, path, model, extensions)])),
		[state?.fields.join(), model, extensions],
	);
	const renderValue = useMemo(
		() => (item: Record<string, unknown>, path: string) => (renderers.get(path) ?? cellRenderer(collection, path, model, extensions))(item),
		[renderers],
	);

	useEffect(() => {
		if (!state) return;
		const ticket = ++loaded.current;
		setLoading(true);
		fetchItems(collection, itemsQuery(collection, state, model)).then(
			(answer) => {
				if (ticket !== loaded.current) return;
				// Set together, so the new page draws once.
				setItems(answer.data);
				setCounts({ total: answer.meta?.total_count ?? null, filtered: answer.meta?.filter_count ?? null });
				setLoading(false);
			},
			(error) => {
				if (ticket !== loaded.current) return;
				reportError(error);
				setLoading(false);
			},
		);
	}, [state?.fields.join(), state?.sort.join(), state?.limit, state?.page, state?.search, filter, state?.layout, version]);

	function change(patch: Partial<State>, persist = true) {
		setState((current) => {
			const next = { ...current!, ...patch };
			if (persist) {
				const layoutQuery = { ...(preset?.layout_query ?? {}), [next.layout]: { fields: next.fields, sort: next.sort, limit: next.limit } };
				void savePreset({
					...(preset ?? {}),
					collection,
					layout: next.layout,
					layout_query: layoutQuery,
					layout_options: next.options,
					search: next.search || null,
					filter: rulesToFilter(next.rules) ?? null,
					rules: next.rules,
				}).then(setPreset);
			}
			return next;
		});
	}

	if (!state)
		return (
			<p class="muted" aria-busy="true">
				Loading…
			</p>
		);
	const layout = extensions.layouts.get(state.layout) ?? extensions.layouts.get('table');
	const LayoutComponent = asComponent<StudioLayoutProps>(layout?.component);
	const title = humanize(collection);
	const count = counts.filtered ?? counts.total;
	const pages = count === null ? null : Math.max(1, Math.ceil(count / state.limit));
	const itemHref = (key: string | number) => `${base}${moduleBase}/${encodeURIComponent(String(key))}`;

	async function deleteSelected() {
		try {
			await api.delete(`/items/${encodeURIComponent(collection)}`, selection);
			notify(`Deleted ${selection.length} item${selection.length === 1 ? '' : 's'}.`, 'success');
			setSelection([]);
			setVersion(version + 1);
		} catch (error) {
			reportError(error);
		}
	}

	const exportHref = `/items/${encodeURIComponent(collection)}?${new URLSearchParams({ export: 'csv', fields: state.fields.join(','), ...(state.sort.length ? { sort: state.sort.join(',') } : {}), ...(filter ? { filter: JSON.stringify(filter) } : {}), ...(state.search ? { search: state.search } : {}), limit: '-1' })}`;

	return (
		<section class="browse" aria-labelledby="browse-title">
			<header class="page-header">
				<h1 id="browse-title">{title}</h1>
				<span class="count" aria-live="polite">
					{count === null ? '' : `${count.toLocaleString()} item${count === 1 ? '' : 's'}`}
				</span>
				<form
					role="search"
					onSubmit={(event) => {
						event.preventDefault();
						const value = (new FormData(event.currentTarget).get('search') as string) ?? '';
						change({ search: value, page: 1 });
					}}
				>
					<label>
						<span class="visually-hidden">Search {title}</span>
						<input type="search" name="search" placeholder="Search…" defaultValue={state.search} />
					</label>
				</form>
				<div class="actions">
					<button type="button" aria-expanded={panel === 'filter'} onClick={() => setPanel(panel === 'filter' ? null : 'filter')}>
						Filter{state.rules.length ? ` (${state.rules.length})` : ''}
					</button>
					<button type="button" aria-expanded={panel === 'columns'} onClick={() => setPanel(panel === 'columns' ? null : 'columns')}>
						Layout
					</button>
					{selection.length > 0 && (
						<>
							<button type="button" onClick={() => setPanel('bulk')}>
								Edit {selection.length}
							</button>
							<button type="button" class="danger" onClick={() => setConfirming(true)}>
								Delete {selection.length}
							</button>
						</>
					)}
					<ManualFlowButtons collection={collection} keys={selection} where="collection" />
					<a class="button" href={exportHref} download={`${collection}.csv`}>
						Export
					</a>
					<a class="button primary" href={itemHref('+')}>
						Create item
					</a>
				</div>
			</header>
			{confirming && (
				<ConfirmDialog
					title={`Delete ${selection.length} item${selection.length === 1 ? '' : 's'}?`}
					message="This can't be undone."
					confirmLabel="Delete"
					onConfirm={deleteSelected}
					onClose={() => setConfirming(false)}
				/>
			)}
			{panel === 'filter' && <FilterBuilder collection={collection} rules={state.rules} onChange={(rules) => change({ rules, page: 1 })} />}
			{panel === 'columns' && (
				<LayoutOptions
					collection={collection}
					state={state}
					hasImage={hasImage}
					layouts={[...extensions.layouts.values()].map((definition) => ({ id: definition.id, name: definition.name }))}
					bookmarks={saved}
					onChange={change}
					onBookmark={async (name) => {
						try {
							await createBookmark(
								{
									...(preset ?? ({} as Preset)),
									collection,
									layout: state.layout,
									layout_query: { [state.layout]: { fields: state.fields, sort: state.sort, limit: state.limit } },
									layout_options: state.options,
									search: state.search || null,
									filter: filter ?? null,
									rules: state.rules,
								},
								name,
							);
							notify(`Bookmark “${name}” saved.`, 'success');
						} catch (error) {
							reportError(error);
						}
					}}
				/>
			)}
			{panel === 'bulk' && <BulkEdit collection={collection} keys={selection} onClose={() => setPanel(null)} onSaved={() => setVersion(version + 1)} />}
			<div class="layout" aria-busy={loading}>
				{layout ? (
					<ExtensionBoundary label={`Layout “${layout.name}”`}>
						<LayoutComponent
							collection={collection}
							items={items}
							totalCount={count}
							loading={loading}
							fields={state.fields}
							query={{ fields: state.fields, sort: state.sort, limit: state.limit, page: state.page } as never}
							setQuery={(query: { sort?: string[]; page?: number; limit?: number }) =>
								change(
									{ ...(query.sort ? { sort: query.sort } : {}), ...(query.page ? { page: query.page } : {}), ...(query.limit ? { limit: query.limit } : {}) },
									query.page === undefined,
								)
							}
							options={state.options[state.layout] ?? {}}
							setOptions={(options: Record<string, unknown>) => change({ options: { ...state.options, [state.layout]: options } })}
							selection={selection}
							setSelection={setSelection}
							openItem={(key: string | number) => navigate(itemHref(key))}
							api={studioApi}
							primaryKey={primaryKey}
							itemHref={itemHref}
							setFields={(fields: string[]) => change({ fields })}
							renderValue={renderValue}
						/>
					</ExtensionBoundary>
				) : (
					<p class="muted">No layout is available.</p>
				)}
			</div>
			<footer class="pagination" aria-label="Pagination">
				<label>
					Per page
					<select value={state.limit} onChange={(e) => change({ limit: Number(e.currentTarget.value), page: 1 })}>
						{pageSizes.map((size) => (
							<option key={size} value={size}>
								{size}
							</option>
						))}
					</select>
				</label>
				<button type="button" disabled={state.page <= 1} onClick={() => change({ page: state.page - 1 }, false)} aria-label="Previous page">
					‹
				</button>
				<span>
					Page {state.page}
					{pages ? ` of ${pages}` : ''}
				</span>
				<button type="button" disabled={pages !== null && state.page >= pages} onClick={() => change({ page: state.page + 1 }, false)} aria-label="Next page">
					›
				</button>
			</footer>
		</section>
	);
}

function LayoutOptions(props: {
	collection: string;
	state: State;
	hasImage: boolean;
	layouts: Array<{ id: string; name: string }>;
	bookmarks: Preset[];
	onChange: (patch: Partial<State>) => void;
	onBookmark: (name: string) => void;
}) {
	const { collection, state, onChange } = props;
	const paths = fieldPaths(collection);
	const [bookmark, setBookmark] = useState('');
	return (
		<div class="layout-options">
			<label>
				Layout
				<select aria-label="Layout" value={state.layout} onChange={(e) => onChange({ layout: e.currentTarget.value, page: 1 })}>
					{props.layouts
						.filter((layout) => layout.id !== 'cards' || props.hasImage)
						.map((layout) => (
							<option key={layout.id} value={layout.id}>
								{layout.name}
							</option>
						))}
				</select>
			</label>
			<fieldset class="column-picker">
				<legend>Columns</legend>
				{paths.map((path) => (
					<label key={path} class="check">
						<input
							type="checkbox"
							checked={state.fields.includes(path)}
							onChange={(e) => onChange({ fields: e.currentTarget.checked ? [...state.fields, path] : state.fields.filter((field) => field !== path) })}
						/>
						{path}
					</label>
				))}
			</fieldset>
			<form
				class="row"
				onSubmit={(event) => {
					event.preventDefault();
					if (bookmark.trim()) props.onBookmark(bookmark.trim());
					setBookmark('');
				}}
			>
				<label>
					Bookmark name
					<input value={bookmark} onInput={(e) => setBookmark(e.currentTarget.value)} />
				</label>
				<button type="submit">Save as bookmark</button>
			</form>
			{props.bookmarks.length > 0 && (
				<ul class="bookmarks" aria-label="Bookmarks">
					{props.bookmarks.map((saved) => (
						<li key={saved.id}>
							<a href={bookmarkHref(saved)}>{saved.bookmark}</a>
						</li>
					))}
				</ul>
			)}
		</div>
	);
}
