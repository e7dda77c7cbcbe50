import { api, messageOf } from '../lib/api.js';

export interface Upload {
	name: string;
	loaded: number;
	total: number;
	state: 'uploading' | 'done' | 'failed';
	error?: string;
}

/** Uploads files one after another, each with its own progress, and keeps going past a failure. */
export async function uploadFiles(files: File[], folder: string | null, setUploads: (update: (list: Upload[]) => Upload[]) => void): Promise<string[]> {
	const offset = Date.now();
	const names = files.map((file, index) => `${offset}-${index}-${file.name}`);
	setUploads((list) => [
		...list.filter((upload) => upload.state === 'uploading'),
		...files.map((file, index) => ({ name: names[index]!, loaded: 0, total: file.size, state: 'uploading' as const })),
	]);
	const update = (name: string, patch: Partial<Upload>) =>
		setUploads((list) => list.map((upload) => (upload.name === name ? { ...upload, ...patch } : upload)));
	const ids: string[] = [];
	for (const [index, file] of files.entries()) {
		const name = names[index]!;
		const form = new FormData();
		if (folder) form.append('folder', folder);
		form.append('file', file, file.name);
		try {
			const saved = await api.upload<{ id: string }>('/files', form, (progress) => update(name, { loaded: progress.loaded, total: progress.total }));
			ids.push(saved.id);
			update(name, { state: 'done', loaded: file.size });
		} catch (error) {
			update(name, { state: 'failed', error: messageOf(error) });
		}
	}
	return ids;
}

export function Uploads({ uploads }: { uploads: Upload[] }) {
	if (uploads.length === 0) return null;
	return (
		<ul class="uploads" aria-label="Uploads">
			{uploads.map((upload) => {
				const label = upload.name.replace(/^\d+-\d+-/, '');
				return (
					<li key={upload.name}>
						<span>{label}</span>
						<progress max={upload.total || 1} value={upload.loaded} aria-label={`Uploading ${label}`} />
						<span class={upload.state === 'failed' ? 'field-error' : 'muted'}>
							{upload.state === 'failed' ? upload.error : upload.state === 'done' ? 'Done' : `${Math.round((upload.loaded / (upload.total || 1)) * 100)}%`}
						</span>
					</li>
				);
			})}
		</ul>
	);
}
