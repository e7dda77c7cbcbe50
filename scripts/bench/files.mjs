// Files and assets: a 200 MB upload through `/files` while the server's resident memory is
// sampled every 50 ms from /proc/<pid>/status (target: peak growth under 64 MB), then image
// transformation throughput for a 1024×768 JPEG to a 300 px wide WebP — first-time transforms
// (a distinct width each, so no stored variant can answer) and cached serves of one variant.
// `--size` (MB, default 200) and `--requests` (default 40) change the amounts.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import sharp from 'sharp';
import { uploadGenerated } from './generated-upload.mjs';
import { adminToken, cleanUp, scratchDatabase, startMantle, tempFolder, wasInterrupted } from './lib.mjs';

const MB = 1024 * 1024;

function options(args) {
	const { values } = parseArgs({ args, options: { size: { type: 'string', default: '200' }, requests: { type: 'string', default: '40' } } });
	return { sizeMb: Number(values.size), requests: Number(values.requests) };
}

/** VmRSS of a process, in bytes. */
function rssOf(pid) {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('VmRSS:'));
	return Number(line.replace(/\D+/g, '')) * 1024;
}

async function uploadImage(url, content) {
	const form = new FormData();
	form.append('file', new Blob([content], { type: 'image/jpeg' }), 'photo.jpg');
	const response = await fetch(`${url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${adminToken}` } });
	if (!response.ok) throw new Error(`upload: ${response.status} ${await response.text()}`);
	return (await response.json()).data.id;
}

async function fetchAsset(url, path) {
	const response = await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } });
	const body = Buffer.from(await response.arrayBuffer());
	if (response.status !== 200) throw new Error(`${path}: ${response.status} ${body.toString().slice(0, 300)}`);
	return body;
}

export async function run(args) {
	const settings = options(args);
	const loadBefore = os.loadavg()[0];
	try {
		const folder = tempFolder('mantle-bench-files-');
		const database = await scratchDatabase('sqlite', folder);
		const { url, child } = await startMantle(database, folder);
		const pid = child.child.pid;
		console.log(`Mantle on sqlite at ${url} (pid ${pid}), local storage in ${folder}`);

		// Upload: the server's memory while 200 MB stream through it into storage.
		const baseline = rssOf(pid);
		let peak = baseline;
		const sampler = setInterval(() => {
			try {
				peak = Math.max(peak, rssOf(pid));
			} catch {
				// the process is going away; the failure shows below
			}
		}, 50);
		const started = performance.now();
		let uploaded;
		try {
			uploaded = await uploadGenerated(url, settings.sizeMb * MB, { token: adminToken });
		} finally {
			clearInterval(sampler);
		}
		const seconds = (performance.now() - started) / 1000;
		if (uploaded.status !== 200) throw new Error(`upload: ${uploaded.status} ${JSON.stringify(uploaded.body)}`);
		const stored = Number(uploaded.body.data.filesize);
		const growth = (peak - baseline) / MB;
		console.log(
			`\nupload of ${settings.sizeMb} MB: ${seconds.toFixed(1)} s (${(settings.sizeMb / seconds).toFixed(0)} MB/s), stored ${stored === settings.sizeMb * MB ? 'complete' : `${stored} bytes (WRONG)`}`,
		);
		console.log(
			`server RSS: ${(baseline / MB).toFixed(0)} MB before, ${(peak / MB).toFixed(0)} MB peak → growth ${growth.toFixed(1)} MB (target < 64 MB) ${growth < 64 ? 'OK' : 'OVER'}`,
		);

		// Transformations: a photo-like JPEG, resized to about 300 px wide WebP.
		const photo = await sharp({ create: { width: 1024, height: 768, channels: 3, noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
			.jpeg({ quality: 85 })
			.toBuffer();
		const id = await uploadImage(url, photo);
		await fetchAsset(url, `/assets/${id}?width=299&format=webp`);
		const firstStarted = performance.now();
		for (let n = 0; n < settings.requests; n++) await fetchAsset(url, `/assets/${id}?width=${300 + n}&format=webp`);
		const firstSeconds = (performance.now() - firstStarted) / 1000;
		const cachedPath = `/assets/${id}?width=300&format=webp`;
		const check = await sharp(await fetchAsset(url, cachedPath)).metadata();
		const cachedRequests = settings.requests * 10;
		const cachedStarted = performance.now();
		for (let n = 0; n < cachedRequests; n++) await fetchAsset(url, cachedPath);
		const cachedSeconds = (performance.now() - cachedStarted) / 1000;
		console.log(`\ntransform 1024×768 JPEG → ${check.width}×${check.height} WebP, one request at a time:`);
		console.log(
			`  first-time transforms: ${(settings.requests / firstSeconds).toFixed(1)}/s (${settings.requests} distinct widths, ${((firstSeconds * 1000) / settings.requests).toFixed(1)} ms each)`,
		);
		console.log(
			`  cached variant serves: ${(cachedRequests / cachedSeconds).toFixed(1)}/s (${cachedRequests} requests, ${((cachedSeconds * 1000) / cachedRequests).toFixed(2)} ms each)`,
		);
		console.log(`\nload average ${loadBefore.toFixed(2)} → ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} CPUs`);
	} catch (error) {
		if (!wasInterrupted()) {
			console.error(error.message);
			process.exitCode = 1;
		}
	} finally {
		await cleanUp();
	}
}
