/** A file as the files module lists it, and the small helpers both its views use. */
export interface FileRow {
	id: string;
	title: string | null;
	type: string | null;
	filesize: number | string | null;
	filename_download: string;
	folder: string | null;
	uploaded_on?: string | null;
	description?: string | null;
	tags?: string[] | null;
	width?: number | null;
	height?: number | null;
}

export const thumbnail = (id: string) => `/assets/${encodeURIComponent(id)}?width=240&height=240&fit=cover`;
export const isImage = (type: string | null | undefined) => Boolean(type?.startsWith('image/') && !type.includes('svg'));

export function formatSize(size: number | string | null): string {
	const bytes = Number(size ?? 0);
	if (bytes < 1024) return `${bytes} B`;
	if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KB`;
	return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
}
