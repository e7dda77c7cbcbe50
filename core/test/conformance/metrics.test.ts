import { readItems, serverPing } from '@directus/sdk';
import { vendorTest } from '../helpers/vendor-test.js';
import { adminToken, startKernel } from '../helpers/kernel.js';
import { addArticles, addPerson } from './groups-fixture.js';
import { adminClient } from './sdk-clients.js';

const scrape = async (url: string, token?: string) => {
	const response = await fetch(`${url}/metrics`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
	return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};
const metricsToken = 'scraper-token-0123456789abcdef';

vendorTest(
	'metrics: Prometheus text with request counts and durations by route and status, the pool and the process, for admins and scrapers',
	async (t, db) => {
		const running = await startKernel(db, { METRICS_TOKENS: metricsToken });
		try {
			const admin = adminClient(running.url);
			await addArticles(running.url, ['Spring']);
			await admin.request(readItems('articles' as never));
			await admin.request(readItems('articles' as never));
			await admin.request(serverPing());
			await fetch(`${running.url}/items/articles/424242`, { headers: { authorization: `Bearer ${adminToken}` } });

			const byAdmin = await scrape(running.url, adminToken);
			t.is(byAdmin.status, 200);
			t.regex(byAdmin.type ?? '', /^text\/plain; version=0\.0\.4/);
			const count = (route: string, status: string) =>
				Number(
					new RegExp(`^mantle_http_requests_total\\{method="GET",route="${route.replace(/[/]/g, '\\/')}",status="${status}"\\} (\\d+)$`, 'm').exec(
						byAdmin.text,
					)?.[1] ?? 0,
				);
			t.true(
				count('/items/:collection', '200') >= 2,
				byAdmin.text
					.split('\n')
					.filter((line) => line.startsWith('mantle_http_requests_total'))
					.join('\n'),
			);
			t.is(count('/server/ping', '200'), 1);
			t.is(count('/items/:collection/:pk', '403'), 1, 'labelled by route pattern, never by id');
			t.false(byAdmin.text.includes('424242'));
			t.regex(byAdmin.text, /^mantle_http_request_duration_seconds_bucket\{le="0\.005",method="GET",route="\/items\/:collection",status="200"\} \d+$/m);
			t.regex(byAdmin.text, /^mantle_db_pool_connections_used \d+$/m);
			t.regex(byAdmin.text, /^mantle_process_resident_memory_bytes \d+$/m);

			t.is((await scrape(running.url, metricsToken)).status, 200, 'a scraper with a configured token');
			t.is((await scrape(running.url)).status, 401);
			t.is((await scrape(running.url, 'scraper-token-0123456789abcdeX')).status, 401);
			const user = await addPerson(running, db, 'ursula');
			t.is((await scrape(running.url, user.token)).status, 403);
			t.is(
				(await fetch(`${running.url}/items/articles`, { headers: { authorization: `Bearer ${metricsToken}` } })).status,
				401,
				'the metrics token opens /metrics and nothing else',
			);
		} finally {
			await running.stop();
		}
	},
);

vendorTest('metrics: METRICS_ENABLED=false removes the endpoint; a bad METRICS_TOKENS stops the start naming it', async (t, db) => {
	const running = await startKernel(db, { METRICS_ENABLED: 'false' });
	try {
		const response = await scrape(running.url, adminToken);
		t.is(response.status, 404);
		t.is(JSON.parse(response.text).errors[0].extensions.code, 'ROUTE_NOT_FOUND');
	} finally {
		await running.stop();
	}
	await t.throwsAsync(startKernel(db, { METRICS_TOKENS: 'short' }), { message: /METRICS_TOKENS/ });
});
