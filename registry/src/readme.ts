import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * A package's README as HTML that is safe to put in the Studio: Markdown rendered, then cleaned
 * of scripts, event handlers, styles and any URL scheme but http(s) and mailto.
 */
export function renderReadme(markdown: string | undefined | null): string {
	if (!markdown) return '';
	const html = marked.parse(markdown, { async: false });
	return sanitizeHtml(html, {
		allowedTags: sanitizeHtml.defaults.allowedTags.concat(['img', 'h1', 'h2']),
		allowedAttributes: { a: ['href', 'title', 'rel'], img: ['src', 'alt', 'title'], code: ['class'] },
		allowedSchemes: ['http', 'https', 'mailto'],
		transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }) },
	});
}
