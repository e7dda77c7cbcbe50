import type { StudioApi } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { ItemPicker, type Key, type Row } from './relational.js';

export interface FileRow {
	id: string;
	title?: string | null;
	type?: string | null;
	filename_download?: string | null;
}

export const fileFields = 'id,title,type,filename_download';

export async function uploadFile(api: StudioApi, file: File): Promise<FileRow> {
	const form = new FormData();
	form.append('file', file, file.name);
	return api.request<FileRow>('/files', { method: 'POST', body: form });
}

export function Thumb({ file }: { file: FileRow }) {
	const image = file.type?.startsWith('image/') && !file.type.includes('svg');
	return (
		<span class="file-thumb">
			{image ? (
				<img src={`/assets/${encodeURIComponent(file.id)}?width=120&height=120&fit=cover`} alt={file.title ?? ''} width={60} height={60} />
			) : (
				<span aria-hidden="true">▤</span>
			)}
			<span>{file.title ?? file.filename_download ?? file.id}</span>
		</span>
	);
}

/** Upload a new file, or pick one already in the library. */
export function FileChooser({
	api,
	accept,
	multiple = false,
	disabled,
	onChosen,
}: {
	api: StudioApi;
	accept?: string;
	multiple?: boolean;
	disabled: boolean;
	onChosen: (files: FileRow[]) => void;
}) {
	const [picking, setPicking] = useState(false);
	const [busy, setBusy] = useState(false);
	const [error, setError] = useState<string | null>(null);
	return (
		<div class="file-chooser">
			<div class="row">
				<label class="button">
					{busy ? 'Uploading…' : multiple ? 'Upload files' : 'Upload a file'}
					<input
						type="file"
						class="visually-hidden"
						accept={accept}
						multiple={multiple}
						disabled={disabled || busy}
						onChange={async (event) => {
							const chosen = [...(event.currentTarget.files ?? [])];
							if (chosen.length === 0) return;
							setBusy(true);
							setError(null);
							try {
								const saved: FileRow[] = [];
								for (const file of chosen) saved.push(await uploadFile(api, file));
								onChosen(saved);
							} catch (failure) {
								setError((failure as Error).message);
							} finally {
								setBusy(false);
							}
						}}
					/>
				</label>
				<button type="button" disabled={disabled} onClick={() => setPicking(true)}>
					Choose from the library
				</button>
			</div>
			{error && <p class="field-error">{error}</p>}
			{picking && (
				<ItemPicker
					api={api}
					collection="directus_files"
					onClose={() => setPicking(false)}
					onPick={(key: Key, row: Row) => {
						onChosen([{ ...row, id: String(key) } as FileRow]);
						setPicking(false);
					}}
				/>
			)}
		</div>
	);
}
