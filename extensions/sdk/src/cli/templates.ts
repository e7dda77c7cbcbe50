import type { EntryType } from '../manifest.js';

/**
 * The starting source of each extension type. `typed` adds the TypeScript annotations; without
 * them each template is plain JavaScript.
 */
export function sourceTemplate(type: EntryType, id: string, typed: boolean): string {
	const as = (annotation: string) => (typed ? annotation : '');
	switch (type) {
		case 'endpoint':
			return `import { defineEndpoint } from '@mantle/extensions-sdk';

// Answers under /${id}: GET /${id}?name=Ada → { "hello": "Ada" }
export default defineEndpoint({
	id: '${id}',
	handler(router, { log }) {
		router.get('/', ({ query, accountability }) => {
			log.debug('greeting', { user: accountability.user });
			return { body: { hello: query.name ?? 'world' } };
		});
	},
});
`;
		case 'hook':
			return `import { defineHook } from '@mantle/extensions-sdk';

export default defineHook(({ filter, action }, { log }) => {
	// Blocking: runs before the item is saved and may change it.
	filter('articles.items.create', (payload${as(': Record<string, unknown>')}) => ({ ...payload, slug: String(payload.title ?? '').toLowerCase().replace(/\\W+/g, '-') }));

	// Non-blocking: runs once the item is saved.
	action('articles.items.create', ({ key }) => log.info('article created', { key }));
});
`;
		case 'operation':
			return `import { defineOperation } from '@mantle/extensions-sdk';

// In a flow: { "type": "${id}", "options": { "text": "{{ $trigger.body.title }}" } }
export default defineOperation${as('<{ text?: string }, { text: string; words: number }>')}({
	id: '${id}',
	handler({ text = '' }) {
		return { text, words: text.split(/\\s+/).filter(Boolean).length };
	},
});
`;
		case 'interface':
			return `import { h } from 'preact';
import { defineInterface } from '@mantle/extensions-sdk';

export default defineInterface${as('<string, { placeholder?: string }>')}({
	id: '${id}',
	name: '${title(id)}',
	icon: 'edit',
	types: ['string'],
	options: [{ field: 'placeholder', name: 'Placeholder', type: 'string', meta: { interface: 'input' } }],
	component: ({ value, onInput, disabled, options }) =>
		h('input', {
			value: value ?? '',
			disabled,
			placeholder: options.placeholder,
			onInput: (event${as(': Event')}) => onInput((event.target${as(' as HTMLInputElement')}).value),
		}),
});
`;
		case 'display':
			return `import { h } from 'preact';
import { defineDisplay } from '@mantle/extensions-sdk';

export default defineDisplay${as('<string, { uppercase?: boolean }>')}({
	id: '${id}',
	name: '${title(id)}',
	icon: 'text_fields',
	types: ['string', 'text'],
	options: [{ field: 'uppercase', name: 'Upper case', type: 'boolean', meta: { interface: 'boolean' } }],
	handler: (value, { uppercase }) => (uppercase ? String(value ?? '').toUpperCase() : String(value ?? '')),
	component: ({ value, options }) => h('span', null, options.uppercase ? String(value ?? '').toUpperCase() : String(value ?? '')),
});
`;
		case 'layout':
			return `import { h } from 'preact';
import { defineLayout } from '@mantle/extensions-sdk';

// A plain list of the current page; clicking an item opens it.
export default defineLayout({
	id: '${id}',
	name: '${title(id)}',
	icon: 'list',
	component: ({ items, fields, loading, openItem }) =>
		loading
			? h('p', null, 'Loading…')
			: h(
					'ul',
					null,
					items.map((item) => h('li', { onClick: () => openItem(item.id${as(' as string | number')}) }, fields.map((field) => String(item[field] ?? '')).join(' · '))),
				),
});
`;
		case 'panel':
			return `import { h } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { definePanel } from '@mantle/extensions-sdk';

// Shows how many items a collection holds, read as the signed-in user.
export default definePanel${as('<{ collection?: string }>')}({
	id: '${id}',
	name: '${title(id)}',
	icon: 'functions',
	minWidth: 8,
	minHeight: 6,
	options: [{ field: 'collection', name: 'Collection', type: 'string', meta: { interface: 'system-collection', required: true } }],
	component: ({ options, api }) => {
		const [count, setCount] = useState${as('<number | null>')}(null);
		useEffect(() => {
			if (!options.collection) return;
			api
				.request${as('<{ data: Array<{ count: number }> }>')}(\`/items/\${options.collection}\`, { query: { aggregate: { count: '*' } } })
				.then(({ data }) => setCount(data[0]?.count ?? 0));
		}, [options.collection]);
		return h('strong', null, count === null ? '…' : String(count));
	},
});
`;
	}
}

export function readmeTemplate(name: string, type: string, entries: string[]): string {
	const contents = entries.length > 0 ? `\nEntries: ${entries.map((entry) => `\`${entry}\``).join(', ')} (one folder each under \`src/\`).\n` : '';
	return `# ${name}

A Mantle ${type} extension.
${contents}
\`\`\`sh
npx mantle-extension build          # or: build --watch
npx mantle-extension validate
npx mantle-extension link /path/to/instance/extensions
\`\`\`

The \`mantle:extension\` block of package.json is its manifest: \`host\` is the range of Mantle
versions it runs on, \`source\` the file \`build\` writes. To run sandboxed, add
\`"sandbox": { "enabled": true, "requestedScopes": { "log": {} } }\` and request only the scopes
the code uses (see the SDK's README).
`;
}

export function title(id: string): string {
	return id
		.split(/[-_]/)
		.filter(Boolean)
		.map((word) => word[0]!.toUpperCase() + word.slice(1))
		.join(' ');
}
