import { defineDisplay } from '@mantle/extensions-sdk';
import { asText, type StudioDisplayOptions } from './shared.js';

interface Options extends StudioDisplayOptions {
	template?: string;
}

function render(value: unknown, options: Options): string {
	const items = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
	return items
		.map((item) => {
			if (options.template && item && typeof item === 'object')
				return options.template.replace(/{{\s*([\w.]+)\s*}}/g, (_, path: string) =>
					String(path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | null | undefined)?.[key], item) ?? ''),
				);
			return asText(item, options);
		})
		.filter((text) => text !== '')
		.join(', ');
}

export default defineDisplay<unknown, Options>({
	id: 'related-values',
	name: 'Related values',
	icon: 'link',
	types: ['alias', 'integer', 'bigInteger', 'string', 'uuid'],
	options: [{ field: 'template', name: 'Display template', type: 'string', meta: { note: 'e.g. {{name}} ({{email}})' } }],
	component: ({ value, options }) => {
		const text = render(value, options);
		const count = Array.isArray(value) ? value.length : null;
		return <span title={text}>{count !== null && count > 3 ? `${count} items` : text}</span>;
	},
	handler: (value, options) => render(value, options),
});
