import type { Liquid } from 'liquidjs';
import { createError, defineOperation } from '@mantle/extensions-sdk';

interface MailOptions {
	to?: unknown;
	subject?: unknown;
	body?: unknown;
	/** `markdown` (default): the body is Markdown; `wysiwyg`: HTML; `template`: a Liquid template rendered with `data`. */
	type?: unknown;
	data?: unknown;
}

// Liquid and marked are loaded by the first mail that needs them, not at every start of the server.
let liquid: Promise<Liquid> | undefined;
// Templates are written by admins; Liquid still runs them without access to anything but `data`.
const liquidEngine = () => (liquid ??= import('liquidjs').then(({ Liquid }) => new Liquid({ strictFilters: true, ownPropertyOnly: true })));

/** Sends mail through the kernel's transport to one address or a list. */
export default defineOperation<MailOptions, unknown, 'mail'>({
	id: 'mail',
	name: 'Send Email',
	options: [
		{ field: 'to', name: 'To', type: 'string', meta: { interface: 'input' } },
		{ field: 'subject', name: 'Subject', type: 'string', meta: { interface: 'input' } },
		{
			field: 'type',
			name: 'Body type',
			type: 'string',
			meta: {
				interface: 'select-dropdown',
				options: {
					choices: [
						{ text: 'markdown', value: 'markdown' },
						{ text: 'wysiwyg', value: 'wysiwyg' },
						{ text: 'template', value: 'template' },
					],
				},
			},
			schema: { default_value: 'markdown' },
		},
		{ field: 'body', name: 'Body', type: 'text', meta: { interface: 'textarea' } },
		{ field: 'data', name: 'Template data', type: 'json', meta: { interface: 'input-code' } },
	],
	async handler(options, { mail }) {
		const to = recipients(options.to);
		if (to.length === 0) throw createError('mailNeedsRecipient');
		if (typeof options.subject !== 'string' || options.subject.trim() === '')
			throw createError('operationNeedsOption', { operation: 'mail', option: 'subject' });
		const body = typeof options.body === 'string' ? options.body : '';
		const html = await render(String(options.type ?? 'markdown'), body, options.data);
		await mail.send({ to, subject: options.subject, html, text: stripTags(html) });
		return { to, subject: options.subject };
	},
});

async function render(type: string, body: string, data: unknown): Promise<string> {
	if (type === 'wysiwyg') return body;
	if (type === 'template') return (await liquidEngine()).parseAndRender(body, (data ?? {}) as object);
	if (type === 'markdown') return (await import('marked')).marked.parse(body, { async: false });
	throw createError('mailTypeUnknown', { value: String(type) });
}

function recipients(value: unknown): string[] {
	const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return list.map((entry) => String(entry).trim()).filter(Boolean);
}

function stripTags(html: string): string {
	return html
		.replace(/<[^>]*>/g, '')
		.replace(/\n{3,}/g, '\n\n')
		.trim();
}
