import { defineInterface } from '@mantle/extensions-sdk';
import { RelatedList, sortedPayload } from './entry-list.js';
import { describe, primaryKeyOf, useAsync } from './relational.js';
import { useEntries, type Entry } from './list.js';
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
	const toPayload = (list: Entry[]) => sortedPayload(list, sortField, junctionKey);
	const fileOf = (entry: Entry) => (entry.row?.[through] ?? { id: String(entry.key) }) as FileRow;
	const change = (next: Entry[]) => update(next, toPayload, props.onInput as (value: unknown) => void);
	return (
		<RelatedList
			field={props}
			sortField={sortField}
			entries={entries}
			empty="No files."
			removeLabel="Remove"
			titleOf={(entry) => {
				const file = fileOf(entry);
				return file.title ?? file.filename_download ?? 'file';
			}}
			extra={(entry) => <Thumb file={fileOf(entry)} />}
			onChange={change}
		>
			<FileChooser
				api={props.api}
				multiple
				disabled={props.disabled}
				onChosen={(files) => change([...entries, ...files.map((file) => ({ payload: { [through]: file.id }, row: { [through]: file } }))])}
			/>
		</RelatedList>
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
