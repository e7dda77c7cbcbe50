import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { base, match, navigate } from '../lib/router.js';
import { notify, reportError } from '../lib/toasts.js';
import { PromptDialog } from '../shell/dialog.js';
import { FileDetail } from './file-detail.js';
import { formatSize, isImage, thumbnail, type FileRow } from './file-row.js';
import { Uploads, uploadFiles, type Upload } from './uploads.js';
import { DataTable } from '../lib/list-page.js';

interface Folder {
	id: string;
	name: string;
	parent: string | null;
}

/** The file library: folders, a grid or list of files, drag-and-drop uploads, and each file's page. */
export function Files({ path }: { path: string }) {
	const detail = match('/files/:id', path);
	const inFolder = match('/files/folders/:folder', path);
	if (detail && detail.id !== 'folders') return <FileDetail key={detail.id} id={detail.id!} />;
	return <Library folder={inFolder?.folder ?? null} />;
}

function Library({ folder }: { folder: string | null }) {
	const [files, setFiles] = useState<FileRow[] | null>(null);
	const [folders, setFolders] = useState<Folder[]>([]);
	const [view, setView] = useState<'grid' | 'list'>((localStorage.getItem('mantle_files_view') as 'grid' | 'list' | null) ?? 'grid');
	const [uploads, setUploads] = useState<Upload[]>([]);
	const [dragging, setDragging] = useState(false);
	const [naming, setNaming] = useState(false);

	async function load() {
		try {
			const [fileList, folderList] = await Promise.all([
				api.get<FileRow[]>('/files', {
					fields: ['id', 'title', 'type', 'filesize', 'filename_download', 'folder', 'uploaded_on'],
					filter: folder ? { folder: { _eq: folder } } : { folder: { _null: true } },
					sort: ['-uploaded_on'],
					limit: 200,
				}),
				api.get<Folder[]>('/folders', { limit: -1 }).catch(() => [] as Folder[]),
			]);
			setFiles(fileList);
			setFolders(folderList);
		} catch (error) {
			reportError(error);
			setFiles([]);
		}
	}
	useEffect(() => {
		void load();
	}, [folder]);

	function upload(list: FileList | File[]) {
		void uploadFiles([...list], folder, setUploads).then(load);
	}

	async function createFolder(name: string) {
		try {
			await api.post('/folders', { name, parent: folder });
			notify(`Folder “${name}” created.`, 'success');
			setNaming(false);
			await load();
		} catch (error) {
			reportError(error);
		}
	}

	const current = folders.find((candidate) => candidate.id === folder);
	const children = folders.filter((candidate) => (candidate.parent ?? null) === folder);
	return (
		<section
			class={`files${dragging ? ' dragging' : ''}`}
			aria-labelledby="files-title"
			onDragOver={(event) => {
				event.preventDefault();
				setDragging(true);
			}}
			onDragLeave={() => setDragging(false)}
			onDrop={(event) => {
				event.preventDefault();
				setDragging(false);
				if (event.dataTransfer?.files.length) upload(event.dataTransfer.files);
			}}
		>
			<header class="page-header">
				{folder && (
					<a class="button ghost" href={`${base}/files${current?.parent ? `/folders/${current.parent}` : ''}`} aria-label="Up one folder">
						‹
					</a>
				)}
				<h1 id="files-title">{current?.name ?? 'File Library'}</h1>
				<div class="actions">
					<label class="check">
						<input
							type="checkbox"
							checked={view === 'list'}
							onChange={(e) => {
								const next = e.currentTarget.checked ? 'list' : 'grid';
								localStorage.setItem('mantle_files_view', next);
								setView(next);
							}}
						/>
						List view
					</label>
					<button type="button" onClick={() => setNaming(true)}>
						New folder
					</button>
					<label class="button primary">
						Upload files
						<input type="file" multiple class="visually-hidden" onChange={(e) => e.currentTarget.files && upload(e.currentTarget.files)} />
					</label>
				</div>
			</header>
			{naming && <PromptDialog title="New folder" label="Folder name" submitLabel="Create folder" onSubmit={createFolder} onClose={() => setNaming(false)} />}
			<p class="muted drop-hint">Drop files anywhere here to upload them{current ? ` into “${current.name}”` : ''}.</p>
			<Uploads uploads={uploads} />
			{children.length > 0 && (
				<ul class="folders" aria-label="Folders">
					{children.map((child) => (
						<li key={child.id}>
							<a href={`${base}/files/folders/${child.id}`}>▤ {child.name}</a>
						</li>
					))}
				</ul>
			)}
			{files === null && <p class="muted">Loading…</p>}
			{files?.length === 0 && <p class="empty">No files here yet.</p>}
			{view === 'grid' ? (
				<ul class="file-grid" aria-label="Files">
					{files?.map((file) => (
						<li key={file.id}>
							<a href={`${base}/files/${file.id}`} class="file-card">
								{isImage(file.type) ? (
									<img src={thumbnail(file.id)} alt="" loading="lazy" />
								) : (
									<span class="file-type">{(file.type ?? 'file').split('/')[1] ?? 'file'}</span>
								)}
								<span class="file-title">{file.title ?? file.filename_download}</span>
							</a>
						</li>
					))}
				</ul>
			) : (
				<DataTable columns={['Title', 'Type', 'Size', 'Uploaded']}>
					{files?.map((file) => (
						<tr key={file.id} onClick={() => navigate(`/files/${file.id}`)}>
							<td>
								<a href={`${base}/files/${file.id}`}>{file.title ?? file.filename_download}</a>
							</td>
							<td>{file.type}</td>
							<td>{formatSize(file.filesize)}</td>
							<td>{file.uploaded_on ? new Date(file.uploaded_on).toLocaleString() : ''}</td>
						</tr>
					))}
				</DataTable>
			)}
		</section>
	);
}
