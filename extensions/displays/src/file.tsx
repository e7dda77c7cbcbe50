import { defineDisplay } from '@mantle/extensions-sdk';

interface File {
	id?: string;
	title?: string | null;
	filename_download?: string | null;
	type?: string | null;
}

function title(value: unknown): string {
	if (!value) return '';
	if (typeof value !== 'object') return String(value);
	const file = value as File;
	return file.title ?? file.filename_download ?? file.id ?? '';
}

export default defineDisplay<unknown>({
	id: 'file',
	name: 'File',
	icon: 'attach_file',
	types: ['uuid'],
	component: ({ value }) => {
		if (!value) return null;
		const id = typeof value === 'object' ? (value as File).id : String(value);
		return (
			<a href={`/assets/${encodeURIComponent(id ?? '')}?download`} onClick={(event) => event.stopPropagation()}>
				{title(value)}
			</a>
		);
	},
	handler: (value) => title(value),
});
