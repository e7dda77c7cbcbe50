import test from 'ava';
import { renderReadme } from '../src/readme.js';
import { publishExtension } from '../../core/test/helpers/registry.js';
import { startRegistry } from './helpers.js';

test('a README is rendered to HTML without scripts, handlers, styles or dangerous links', (t) => {
	const html = renderReadme(
		'# Greet\n\n<script>alert(1)</script>\n\n<img src="x" onerror="alert(2)">\n\n[click](javascript:alert(3)) and [docs](https://example.com)\n\n<div style="position:fixed">x</div>',
	);
	t.regex(html, /<h1>Greet<\/h1>/);
	t.notRegex(html, /<script|onerror|javascript:|style=/);
	t.regex(html, /<a href="https:\/\/example\.com" rel="noopener noreferrer nofollow">docs<\/a>/);
});

test('a version older than the unpublish window stays; its publisher is told to deprecate it instead', async (t) => {
	const running = await startRegistry({ REGISTRY_UNPUBLISH_WINDOW_HOURS: '0' });
	try {
		await publishExtension(running, { name: 'mantle-extension-kept', version: '1.0.0', answer: 'kept' });
		const token = await running.registry.publishers.issueToken((await running.registry.publishers.byName('ada'))!);
		const removed = await fetch(`${running.url}/mantle-extension-kept/-rev/1-x`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } });
		t.is(removed.status, 403);
		t.regex(((await removed.json()) as { error: string }).error, /can no longer be unpublished; deprecate it instead/);
		t.is((await fetch(`${running.url}/mantle-extension-kept`)).status, 200);
		const stranger = await fetch(`${running.url}/mantle-extension-kept/-rev/1-x`, { method: 'DELETE' });
		t.is(stranger.status, 401);
	} finally {
		await running.stop();
	}
});
