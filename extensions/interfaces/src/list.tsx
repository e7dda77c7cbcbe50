import type { StudioApi } from '@mantle/extensions-sdk';
import { useEffect, useRef, useState } from 'preact/hooks';
import { itemsPath, primaryKeyOf, titlerOf, type Key, type Row, type Titler } from './relational.js';

/** One entry of a to-many list: an existing row (by key) or one to create or link on save. */
export interface Entry {
	key?: Key;
	/** What the row reads as, for its title. */
	row?: Row;
	/** The payload for a new row (o2m create, m2m link/create, m2a). */
	payload?: Row;
}

/**
 * The entries of a to-many field, loaded from the keys the API gives (`fields=*` reads them as
 * keys) and kept as the user edits them; `emit` turns them into the nested-write payload. When
 * the saved value changes (after a save or revert), the list is read again.
 */
export function useEntries(
	api: StudioApi,
	value: unknown,
	collection: string | undefined,
	fields: (titler: Titler) => string[],
	titleCollection: string | undefined,
) {
	const [entries, setEntries] = useState<Entry[] | null>(null);
	const [titler, setTitler] = useState<Titler | null>(null);
	const emitted = useRef<unknown>(undefined);
	useEffect(() => {
		if (!collection || !titleCollection) return;
		if (value === emitted.current && entries) return;
		let live = true;
		(async () => {
			const named = await titlerOf(api, titleCollection);
			const key = await primaryKeyOf(api, collection);
			const keys = (Array.isArray(value) ? value : [])
				.map((entry) => (entry && typeof entry === 'object' ? (entry as Row)[key] : entry))
				.filter((entry) => entry !== undefined && entry !== null) as Key[];
			const rows =
				keys.length === 0
					? []
					: await api
							.request<Row[]>(itemsPath(collection), { query: { filter: { [key]: { _in: keys } }, fields: [key, ...fields(named)].join(','), limit: -1 } })
							.catch(() => [] as Row[]);
			const byKey = new Map(rows.map((row) => [String(row[key]), row]));
			if (!live) return;
			setTitler(named);
			setEntries(keys.map((entry) => ({ key: entry, row: byKey.get(String(entry)) ?? {} })));
		})();
		return () => {
			live = false;
		};
	}, [value, collection, titleCollection]);
	return {
		entries,
		titler,
		update(next: Entry[], toPayload: (entries: Entry[]) => unknown, onInput: (value: unknown) => void) {
			setEntries(next);
			const payload = toPayload(next);
			emitted.current = payload;
			onInput(payload);
		},
	};
}

export function moved<T>(list: T[], from: number, to: number): T[] {
	const next = [...list];
	const [item] = next.splice(from, 1);
	next.splice(to, 0, item!);
	return next;
}
