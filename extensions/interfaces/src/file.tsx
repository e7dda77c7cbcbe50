import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { useAsync } from './relational.js';
import { FileChooser, fileFields, Thumb, type FileRow } from './upload.js';
import type { StudioInterfaceProps } from './shared.js';

/** A single file (a many-to-one to the file library): upload or choose, then replace or clear. */
export function SingleFile(props: StudioInterfaceProps<string | FileRow> & { accept?: string }) {
	const [chosen, setChosen] = useState<FileRow | null>(null);
	const id = props.value && typeof props.value === 'object' ? props.value.id : props.value;
	const file = useAsync(async () => {
		if (!id) return null;
		if (chosen?.id === id) return chosen;
		return props.api.request<FileRow>(`/files/${encodeURIComponent(id)}`, { query: { fields: fileFields } }).catch(() => ({ id }) as FileRow);
	}, [id]);
	return (
		<div class="file-interface" id={props.id} role="group" aria-label={props.label}>
			{id && file ? <Thumb file={file} /> : <span class="muted">No file</span>}
			<FileChooser
				api={props.api}
				accept={props.accept}
				disabled={props.disabled}
				onChosen={([picked]) => {
					setChosen(picked!);
					props.onInput(picked!.id);
				}}
			/>
			{id && (
				<button type="button" class="ghost" disabled={props.disabled} onClick={() => props.onInput(null)}>
					Remove file
				</button>
			)}
		</div>
	);
}

export default defineInterface<string | FileRow>({
	id: 'file',
	name: 'File',
	icon: 'note_add',
	group: 'relational',
	types: ['uuid'],
	component: SingleFile,
});
