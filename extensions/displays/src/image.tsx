import { defineDisplay } from '@mantle/extensions-sdk';

/** A file's key, or the file read as an object. */
function idOf(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
	return null;
}

export default defineDisplay<unknown, { circle?: boolean }>({
	id: 'image',
	name: 'Image',
	icon: 'image',
	types: ['uuid', 'string'],
	options: [{ field: 'circle', name: 'Circle', type: 'boolean' }],
	component: ({ value, options }) => {
		const id = idOf(value);
		if (!id) return null;
		return (
			<img
				class="display-image"
				src={`/assets/${encodeURIComponent(id)}?width=64&height=64&fit=cover`}
				alt=""
				width={32}
				height={32}
				style={{ borderRadius: options.circle ? '50%' : '4px', objectFit: 'cover', verticalAlign: 'middle' }}
			/>
		);
	},
	handler: (value) => idOf(value) ?? '',
});
