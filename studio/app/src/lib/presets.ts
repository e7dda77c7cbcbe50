import { api } from './api.js';
import { me } from './session.js';

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

export function loadPreset(collection: string): Promise<Preset | null> {
	const early = prefetched.get(collection);
	prefetched.delete(collection);
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

export async function listBookmarks(collection: string): Promise<Preset[]> {
	try {
		return await api.get<Preset[]>('/presets', { filter: { collection: { _eq: collection }, bookmark: { _nnull: true } }, sort: ['bookmark'] });
	} catch {
		return [];
	}
}

export async function createBookmark(preset: Preset, name: string): Promise<Preset> {
	const { id: _id, ...rest } = preset;
	return api.post<Preset>('/presets', {
		...rest,
		rules: undefined,
		layout_options: { ...rest.layout_options, rules: rest.rules as never },
		bookmark: name,
		user: me.get()?.id,
	});
}
