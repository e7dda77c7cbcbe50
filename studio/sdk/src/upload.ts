// Node's side of uploads (see transport.ts); browsers send a FormData with XMLHttpRequest instead.
import type { UploadProgress } from './command.js';

/**
 * Encodes a FormData as one multipart Blob. Blob parts stay lazy (a file opened with
 * `fs.openAsBlob` is read while sending), and the exact size is known up front, so progress
 * events carry a true total.
 */
export function multipartBlob(form: FormData): { body: Blob; type: string } {
	const boundary = `----mantle${Math.random().toString(16).slice(2)}${Date.now().toString(16)}`;
	const parts: BlobPart[] = [];
	const quote = (value: string) => value.replace(/"/g, '%22').replace(/\r|\n/g, ' ');
	for (const [name, value] of form.entries()) {
		if (typeof value === 'string') {
			parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`);
		} else {
			const file = value as File;
			const type = file.type || 'application/octet-stream';
			parts.push(
				`--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"; filename="${quote(file.name || 'blob')}"\r\nContent-Type: ${type}\r\n\r\n`,
				file,
				'\r\n',
			);
		}
	}
	parts.push(`--${boundary}--\r\n`);
	return { body: new Blob(parts), type: `multipart/form-data; boundary=${boundary}` };
}

/** A stream of the blob that reports how much of it has been read (i.e. handed to the socket). */
export function progressStream(blob: Blob, onProgress: (progress: UploadProgress) => void, signal?: AbortSignal): ReadableStream<Uint8Array> {
	const total = blob.size;
	let loaded = 0;
	const reader = blob.stream().getReader();
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			// fetch may keep pulling buffered body after an abort; stop reading the source at once.
			if (signal?.aborted) {
				await reader.cancel(signal.reason);
				controller.error(signal.reason);
				return;
			}
			const { done, value } = await reader.read();
			if (done) {
				controller.close();
				return;
			}
			loaded += value.byteLength;
			controller.enqueue(value);
			onProgress({ loaded, total });
		},
		cancel: (reason) => reader.cancel(reason),
	});
}
