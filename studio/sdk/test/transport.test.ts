import test from 'ava';
import { createClient, MantleError, readAssetRaw, readFiles, readItems, readUsers, uploadFiles, type MantleClient, type UploadProgress } from '../src/index.js';
import { adminToken, createBlogSchema, withServer } from './helpers.js';

/** A fetch that counts the requests it sends. */
function countingFetch() {
	const sent: string[] = [];
	const fetcher: typeof fetch = (input, init) => {
		sent.push(`${init?.method ?? 'GET'} ${String(input)}`);
		return fetch(input, init);
	};
	return { sent, fetcher };
}

function bytes(size: number): Uint8Array<ArrayBuffer> {
	const data = new Uint8Array(size);
	for (let i = 0; i < size; i += 1) data[i] = (i * 31 + 7) % 251;
	return data;
}

test('an upload reports progress up to its whole size, and the stored file is byte for byte what was sent', async (t) => {
	await withServer(t, {}, async ({ admin }) => {
		const content = bytes(3 * 1024 * 1024 + 17);
		const form = new FormData();
		form.append('title', 'Big one');
		form.append('file', new File([content], 'big.bin', { type: 'application/octet-stream' }));
		const events: UploadProgress[] = [];
		const created = await admin.request(uploadFiles(form, { onProgress: (progress) => events.push(progress) }));
		const file = Array.isArray(created) ? created[0]! : created;
		t.is(file.title, 'Big one');
		t.is(Number(file.filesize), content.byteLength);
		t.true(events.length > 2, `${events.length} progress events`);
		t.true(
			events.every((event, index) => index === 0 || event.loaded >= events[index - 1]!.loaded),
			'progress only grows',
		);
		const last = events.at(-1)!;
		t.is(last.loaded, last.total, 'the last event is the whole body');
		t.true(last.total > content.byteLength, 'the total counts the multipart body, file included');

		const response = await admin.request(readAssetRaw(file.id));
		t.true(Buffer.from(await response.arrayBuffer()).equals(content), 'the stored bytes are the sent ones');
	});
});

test('an aborted upload rejects with ABORTED and leaves no file behind', async (t) => {
	await withServer(t, {}, async ({ admin }) => {
		const controller = new AbortController();
		const form = new FormData();
		form.append('title', 'Aborted');
		form.append('file', new File([bytes(8 * 1024 * 1024)], 'aborted.bin'));
		const events: UploadProgress[] = [];
		const upload = admin.request(
			uploadFiles(form, {
				onProgress(progress) {
					events.push(progress);
					if (progress.loaded > 256 * 1024) controller.abort();
				},
			}),
			{ signal: controller.signal },
		);
		const error = await t.throwsAsync(upload, { instanceOf: MantleError });
		t.is(error?.code, 'ABORTED');
		t.true(events.at(-1)!.loaded < events.at(-1)!.total, 'stopped before the end');

		const after = new FormData();
		after.append('title', 'Complete');
		after.append('file', new File([bytes(1024)], 'complete.bin'));
		await admin.request(uploadFiles(after));
		const titles = (await admin.request(readFiles({ fields: ['title'] }))).map((file) => file.title);
		t.deepEqual(titles, ['Complete']);
	});
});

test('identical GETs in flight at once share one request; different ones do not', async (t) => {
	await withServer(t, {}, async ({ url, admin }) => {
		await createBlogSchema(admin);
		const { sent, fetcher } = countingFetch();
		const sdk = createClient(url, { token: adminToken, fetch: fetcher });
		const same = await Promise.all(Array.from({ length: 5 }, () => sdk.request(readItems('authors', { fields: ['id', 'name'] }))));
		t.is(sent.length, 1);
		t.true(same.every((rows) => Array.isArray(rows)));
		await Promise.all([sdk.request(readItems('authors', { fields: ['id'] })), sdk.request(readItems('authors', { fields: ['name'] }))]);
		t.is(sent.length, 3);
		const noDedupe = countingFetch();
		const plain = createClient(url, { token: adminToken, fetch: noDedupe.fetcher, dedupe: false });
		await Promise.all([plain.request(readItems('authors')), plain.request(readItems('authors'))]);
		t.is(noDedupe.sent.length, 2);
	});
});

test('with retry on, requests answered 429 are sent again after Retry-After and succeed; without, they fail with REQUESTS_EXCEEDED', async (t) => {
	await withServer(t, { RATE_LIMITER_ENABLED: 'true', RATE_LIMITER_POINTS: '2', RATE_LIMITER_DURATION: '2' }, async ({ url }) => {
		const burst = (sdk: MantleClient) => Array.from({ length: 12 }, (_, index) => sdk.request(readUsers({ fields: ['id'], limit: index + 1 })));
		const plain = createClient(url, { token: adminToken });
		const outcomes = await Promise.allSettled(burst(plain));
		const refused = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => (outcome as PromiseRejectedResult).reason as MantleError);
		t.true(refused.length > 0, 'the burst went over the limit');
		t.true(refused.every((error) => error.status === 429 && error.code === 'REQUESTS_EXCEEDED'));

		const { sent, fetcher } = countingFetch();
		const patient = createClient(url, { token: adminToken, fetch: fetcher, retry: { attempts: 10 } });
		const results = await Promise.all(burst(patient));
		t.is(results.length, 12);
		t.true(sent.length > 12, `${sent.length} requests sent for 12 calls`);
	});
});
