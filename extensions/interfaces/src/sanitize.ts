const allowedTags = new Set([
	'P',
	'BR',
	'B',
	'STRONG',
	'I',
	'EM',
	'U',
	'S',
	'A',
	'UL',
	'OL',
	'LI',
	'H1',
	'H2',
	'H3',
	'H4',
	'BLOCKQUOTE',
	'CODE',
	'PRE',
	'HR',
	'SPAN',
	'DIV',
]);

/**
 * Keeps formatting and drops everything that could run or load: unknown elements are unwrapped,
 * every attribute but a safe link target is removed. Stored HTML is untrusted input.
 */
export function sanitize(html: string): string {
	const doc = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
	const walk = (node: Element) => {
		for (const child of [...node.children]) {
			walk(child);
			if (!allowedTags.has(child.tagName)) {
				if (['SCRIPT', 'STYLE', 'IFRAME', 'OBJECT', 'EMBED', 'TEMPLATE'].includes(child.tagName)) child.remove();
				else child.replaceWith(...child.childNodes);
				continue;
			}
			for (const attribute of [...child.attributes]) {
				const keep = child.tagName === 'A' && attribute.name === 'href' && /^(https?:|mailto:|\/)/i.test(attribute.value.trim());
				if (!keep) child.removeAttribute(attribute.name);
			}
			if (child.tagName === 'A') child.setAttribute('rel', 'noopener noreferrer');
		}
	};
	walk(doc.body);
	return doc.body.innerHTML;
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A small Markdown preview: headings, emphasis, code, links, lists, paragraphs. Escaped first. */
export function markdownToHtml(markdown: string): string {
	const inline = (text: string) =>
		escape(text)
			.replace(/`([^`]+)`/g, '<code>$1</code>')
			.replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
			.replace(/\*([^*]+)\*/g, '<em>$1</em>')
			.replace(/\[([^\]]+)\]\(((?:https?:\/\/|\/)[^)\s]+)\)/g, '<a href="$2">$1</a>');
	const blocks = markdown.split(/\n{2,}/);
	return sanitize(
		blocks
			.map((block) => {
				const heading = /^(#{1,4})\s+(.*)$/.exec(block);
				if (heading) return `<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`;
				if (/^[-*]\s/.test(block))
					return `<ul>${block
						.split('\n')
						.map((line) => `<li>${inline(line.replace(/^[-*]\s+/, ''))}</li>`)
						.join('')}</ul>`;
				return `<p>${inline(block).replace(/\n/g, '<br>')}</p>`;
			})
			.join(''),
	);
}
