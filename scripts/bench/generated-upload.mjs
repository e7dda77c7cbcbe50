// A multipart upload of random bytes generated while it is sent, shared by the files benchmark
// and the files tests: neither side ever holds the file, so memory measures what the server keeps.
import { createHash, randomFillSync, randomUUID } from 'node:crypto';
import http from 'node:http';
import { Readable } from 'node:stream';

/** POSTs `size` random bytes to `<url>/files` as one file; resolves with the response and the content's hash. */
export function uploadGenerated(url, size, { token, filename = 'big.bin' }) {
	const boundary = `----mantle${randomUUID()}`;
	const head = Buffer.from(
		`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
	);
	const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
	const hash = createHash('sha256');
	let sent = 0;
	let stage = 0;
	const body = new Readable({
		read() {
			if (stage === 0) {
				stage = 1;
				return void this.push(head);
			}
			if (sent < size) {
				const chunk = randomFillSync(Buffer.allocUnsafe(Math.min(256 * 1024, size - sent)));
				sent += chunk.length;
				hash.update(chunk);
				return void this.push(chunk);
			}
			if (stage === 1) {
				stage = 2;
				return void this.push(tail);
			}
			this.push(null);
		},
	});
	return new Promise((resolve, reject) => {
		const request = http.request(
			new URL('/files', url),
			{
				method: 'POST',
				headers: {
					authorization: `Bearer ${token}`,
					'content-type': `multipart/form-data; boundary=${boundary}`,
					'content-length': String(head.length + size + tail.length),
				},
			},
			(response) => {
				const chunks = [];
				response.on('data', (chunk) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString();
					resolve({ status: response.statusCode ?? 0, body: text ? JSON.parse(text) : undefined, sha256: hash.digest('hex') });
				});
			},
		);
		request.once('error', reject);
		body.pipe(request);
	});
}
