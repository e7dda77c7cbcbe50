import { defineInterface } from '@mantle/extensions-sdk';
import { describe, ListRow, primaryKeyOf, useAsync } from './relational.js';
import { moved, useEntries, type Entry } from './list.js';
import { FileChooser, Thumb, type FileRow } from './upload.js';
import type { StudioInterfaceProps } from './shared.js';

/** Several files, through a junction to the file library (a many-to-many). */
function Files(props: StudioInterfaceProps<unknown>) {
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const junctionKey = useAsync(async () => (info?.junction ? primaryKeyOf(props.api, info.junction) : undefined), [info]);
	const through = info?.junctionField ?? '';
	const { entries, update } = useEntries(
		props.api,
		props.value,
		info?.junction,
		() => ['id', 'title', 'type', 'filename_download'].map((field) => `${through}.${field}`),
		'directus_files',
	);
	if (!info || !entries || !junctionKey) return <p class="muted">Loading…</p>;
	const sortField = info.sortField;
	const toPayload = (list: Entry[]) =>
		list.map((entry, index) => {
			const sort = sortField ? { [sortField]: index + 1 } : {};
			if (entry.payload) return { ...entry.payload, ...sort };
			return sortField ? { [junctionKey]: entry.key, ...sort } : entry.key;
		});
	const change = (next: Entry[]) => update(next, toPayload, props.onInput as (value: unknown) => void);
	return (
		<div class="relational-list" id={props.id} role="group" aria-label={props.label}>
			<ul>
				{entries.length === 0 && <li class="muted">No files.</li>}
				{entries.map((entry, index) => {
					const file = (entry.row?.[through] ?? { id: String(entry.key) }) as FileRow;
					return (
						<ListRow
							key={String(entry.key ?? `new-${index}`)}
							title={file.title ?? file.filename_download ?? 'file'}
							index={index}
							count={entries.length}
							disabled={props.disabled}
							sortable={Boolean(sortField)}
							onMove={(to) => change(moved(entries, index, to))}
							onRemove={() => change(entries.filter((_, at) => at !== index))}
							removeLabel="Remove"
						>
							<Thumb file={file} />
						</ListRow>
					);
				})}
			</ul>
			<FileChooser
				api={props.api}
				multiple
				disabled={props.disabled}
				onChosen={(files) => change([...entries, ...files.map((file) => ({ payload: { [through]: file.id }, row: { [through]: file } }))])}
			/>
		</div>
	);
}

export default defineInterface<unknown>({
	id: 'files',
	name: 'Files',
	icon: 'folder_open',
	group: 'relational',
	types: ['alias'],
	component: Files,
});
