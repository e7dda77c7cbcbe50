import { defineInterface } from '@mantle/extensions-sdk';
import { RelatedList } from './entry-list.js';
import type { Entry } from './list.js';
import type { StudioInterfaceProps } from './shared.js';
import { useToMany } from './to-many.js';
import { FileChooser, Thumb, type FileRow } from './upload.js';

/** Several files, through a junction to the file library (a many-to-many). */
function Files(props: StudioInterfaceProps<unknown>) {
	const { info, key, entries, change } = useToMany(props, {
		rows: (info) => info.junction,
		titles: () => 'directus_files',
		fields: (_, info) => ['id', 'title', 'type', 'filename_download'].map((field) => `${info.junctionField}.${field}`),
	});
	const through = info?.junctionField ?? '';
	if (!info || !entries || !key) return <p class="muted">Loading…</p>;
	const fileOf = (entry: Entry) => (entry.row?.[through] ?? { id: String(entry.key) }) as FileRow;
	return (
		<RelatedList
			field={props}
			sortField={info.sortField}
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
