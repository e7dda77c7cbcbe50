import { sortedPayload } from './entry-list.js';
import { useEntries, type Entry } from './list.js';
import { describe, primaryKeyOf, useAsync, type RelationInfo, type Titler } from './relational.js';
import type { StudioInterfaceProps } from './shared.js';

/**
 * What the to-many interfaces (one-to-many, many-to-many, files) set up alike: the relation the
 * field is, the entries its value lists (rows of the related collection, or of the junction) with
 * their titler, the key of those rows, and `change`, which keeps an edited list and hands the field
 * its nested-write payload, in order where the relation has a sort field. Each part is undefined
 * until it has loaded.
 */
export function useToMany(
	props: StudioInterfaceProps<unknown>,
	of: {
		/** The collection the entries are rows of. */
		rows: (info: RelationInfo) => string | undefined;
		/** The collection whose titler names the entries. */
		titles: (info: RelationInfo) => string;
		/** The fields read of each entry's row, given the titler of its collection. */
		fields: (titler: Titler, info: RelationInfo) => string[];
	},
) {
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const rows = info ? of.rows(info) : undefined;
	const key = useAsync(async () => (rows ? primaryKeyOf(props.api, rows) : undefined), [rows]);
	const fields = (titler: Titler) => (info ? of.fields(titler, info) : []);
	const { entries, titler, update } = useEntries(props.api, props.value, rows, fields, info ? of.titles(info) : undefined);
	const change = (next: Entry[]) => update(next, (list) => sortedPayload(list, info?.sortField, key ?? ''), props.onInput as (value: unknown) => void);
	return { info, key, entries, titler, change };
}
