import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../lib/api.js';
import { base, navigate } from '../lib/router.js';
import { notify, reportError } from '../lib/toasts.js';
import { formatSize, isImage, type FileRow } from './file-row.js';
import { ConfirmDialog } from '../shell/dialog.js';

/** One file: preview, metadata to edit, replace its content, download, delete. */
export function FileDetail({ id }: { id: string }) {
	const [file, setFile] = useState<FileRow | null>(null);
	const [missing, setMissing] = useState<string | null>(null);
	const [edits, setEdits] = useState<Partial<FileRow>>({});
	const [version, setVersion] = useState(0);
	const [confirming, setConfirming] = useState(false);

	useEffect(() => {
		api.get<FileRow>(`/files/${encodeURIComponent(id)}`).then(setFile, (error) => setMissing(messageOf(error)));
	}, [id, version]);

	if (missing)
		return (
			<p class="empty" role="alert">
				{missing}
			</p>
		);
	if (!file)
		return (
			<p class="muted" aria-busy="true">
				Loading…
			</p>
		);
	const values = { ...file, ...edits };

	async function save(event: Event) {
		event.preventDefault();
		try {
			setFile(await api.patch(`/files/${encodeURIComponent(id)}`, edits));
			setEdits({});
			notify('Saved.', 'success');
		} catch (error) {
			reportError(error);
		}
	}

	async function replace(input: HTMLInputElement) {
		const chosen = input.files?.[0];
		if (!chosen) return;
		const form = new FormData();
		form.append('file', chosen, chosen.name);
		try {
			await api.upload(`/files/${encodeURIComponent(id)}`, form, undefined, 'PATCH');
			notify('File replaced.', 'success');
			setVersion(version + 1);
		} catch (error) {
			reportError(error);
		}
	}

	async function remove() {
		try {
			await api.delete(`/files/${encodeURIComponent(id)}`);
			navigate(file!.folder ? `/files/folders/${file!.folder}` : '/files');
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section class="file-detail" aria-labelledby="file-title">
			{confirming && (
				<ConfirmDialog
					title="Delete this file?"
					message="This can’t be undone."
					confirmLabel="Delete"
					onConfirm={remove}
					onClose={() => setConfirming(false)}
				/>
			)}
			<header class="page-header">
				<a class="button ghost" href={`${base}/files${file.folder ? `/folders/${file.folder}` : ''}`} aria-label="Back to the library">
					‹
				</a>
				<h1 id="file-title">{file.title ?? file.filename_download}</h1>
				<div class="actions">
					<a class="button" href={`/assets/${encodeURIComponent(id)}?download`} download>
						Download
					</a>
					<label class="button">
						Replace file
						<input type="file" class="visually-hidden" onChange={(e) => replace(e.currentTarget)} />
					</label>
					<button type="button" class="danger" onClick={() => setConfirming(true)}>
						Delete
					</button>
				</div>
			</header>
			<div class="preview">
				{isImage(file.type) ? (
					<img src={`/assets/${encodeURIComponent(id)}?width=800&v=${version}`} alt={file.description ?? file.title ?? ''} />
				) : (
					<p class="muted">No preview for {file.type ?? 'this file'}.</p>
				)}
				<p class="muted">
					{file.type} · {formatSize(file.filesize)}
					{file.width ? ` · ${file.width}×${file.height}` : ''}
				</p>
			</div>
			<form class="form-grid" onSubmit={save}>
				<label class="field width-full">
					Title
					<input value={values.title ?? ''} onInput={(e) => setEdits({ ...edits, title: e.currentTarget.value })} />
				</label>
				<label class="field width-full">
					Description
					<textarea rows={3} value={values.description ?? ''} onInput={(e) => setEdits({ ...edits, description: e.currentTarget.value })} />
				</label>
				<label class="field width-half">
					Tags (comma-separated)
					<input
						value={(values.tags ?? []).join(', ')}
						onInput={(e) =>
							setEdits({
								...edits,
								tags: e.currentTarget.value
									.split(',')
									.map((tag) => tag.trim())
									.filter(Boolean),
							})
						}
					/>
				</label>
				<label class="field width-half">
					File name on download
					<input value={values.filename_download} onInput={(e) => setEdits({ ...edits, filename_download: e.currentTarget.value })} />
				</label>
				<div class="width-full">
					<button type="submit" class="primary" disabled={Object.keys(edits).length === 0}>
						Save
					</button>
				</div>
			</form>
		</section>
	);
}
