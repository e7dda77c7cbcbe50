import { api } from './api.js';
import { base } from './router.js';
import { me } from './session.js';
import { createStore } from './store.js';

/** What a user chose for a collection's browser: layout, its query and options, search, filter. */
export interface Preset {
	id?: number | string;
	bookmark?: string | null;
	collection: string;
	layout: string;
	layout_query: Record<string, { fields?: string[]; sort?: string[]; limit?: number }>;
	layout_options: Record<string, Record<string, unknown>>;
	search: string | null;
	filter: Record<string, unknown> | null;
	/** The Studio's own: the filter builder's rules, to show them again. */
	rules?: unknown;
}

const localKey = (collection: string) => `mantle_preset_${me.get()?.id}_${collection}`;

/**
 * The user's own preset for the collection, from `/presets`. Where the API has no presets, the
 * choice is kept in this browser instead, so the Studio still remembers it.
 */
const prefetched = new Map<string, Promise<Preset | null>>();

/** Starts reading a preset before the page that needs it draws: one round trip fewer on a deep link. */
export function prefetchPreset(collection: string): void {
	if (!prefetched.has(collection)) prefetched.set(collection, readPreset(collection));
}

export function forgetPreset(collection: string): void {
	prefetched.delete(collection);
}

/** The preset, taken from an early read when there is one; `keep` leaves that read for the page. */
export function loadPreset(collection: string, { keep = false } = {}): Promise<Preset | null> {
	const early = prefetched.get(collection);
	if (!keep) prefetched.delete(collection);
	return early ?? readPreset(collection);
}

async function readPreset(collection: string): Promise<Preset | null> {
	try {
		const found = await api.get<Preset[]>('/presets', {
			filter: { collection: { _eq: collection }, user: { _eq: '$CURRENT_USER' }, bookmark: { _null: true } },
			limit: 1,
		});
		if (found[0]) return found[0];
	} catch {
		// Fall through to this browser's copy.
	}
	const local = localStorage.getItem(localKey(collection));
	return local ? (JSON.parse(local) as Preset) : null;
}

export async function savePreset(preset: Preset): Promise<Preset> {
	localStorage.setItem(localKey(preset.collection), JSON.stringify(preset));
	const body = { ...preset, rules: undefined, layout_options: { ...preset.layout_options, rules: preset.rules as never } };
	try {
		if (preset.id !== undefined) return { ...preset, ...(await api.patch<Preset>(`/presets/${preset.id}`, body)), rules: preset.rules };
		const created = await api.post<Preset>('/presets', { ...body, user: me.get()?.id });
		return { ...preset, id: created.id };
	} catch {
		return preset;
	}
}

/** The bookmarks the user can open (their own, their role's, everyone's), for the navigation. */
export const bookmarks = createStore<Preset[]>([]);

export async function loadBookmarks(): Promise<void> {
	try {
		bookmarks.set(await api.get<Preset[]>('/presets', { filter: { bookmark: { _nnull: true } }, sort: ['bookmark'], limit: -1 }));
	} catch {
		bookmarks.set([]);
	}
}

/** Directus's deep link to a bookmark: the collection's page showing the bookmark's view. */
export function bookmarkHref(bookmark: Preset): string {
	return `${base}/content/${encodeURIComponent(bookmark.collection)}?bookmark=${encodeURIComponent(String(bookmark.id))}`;
}

export function loadBookmark(id: string): Promise<Preset | null> {
	return api.get<Preset>(`/presets/${encodeURIComponent(id)}`).catch(() => null);
}

/** The filter builder's rules kept with a saved preset, to show them again. */
export function rulesOf(preset: Preset): unknown[] {
	const rules = (preset.layout_options as Record<string, unknown> | undefined)?.rules ?? preset.rules;
	return Array.isArray(rules) ? rules : [];
}

export async function createBookmark(preset: Preset, name: string): Promise<Preset> {
	const { id: _id, ...rest } = preset;
	const created = await api.post<Preset>('/presets', {
		...rest,
		rules: undefined,
		layout_options: { ...rest.layout_options, rules: rest.rules as never },
		bookmark: name,
		user: me.get()?.id,
	});
	bookmarks.set([...bookmarks.get(), created].sort((a, b) => String(a.bookmark).localeCompare(String(b.bookmark))));
	return created;
}
