import { Readable, Transform } from 'node:stream';
import { createError } from '../errors/index.js';

/**
 * Reads the first `bytes` of a stream (fewer when it is shorter) without losing them: the
 * returned stream yields the whole content again. The type of an upload is known from its first
 * bytes, before anything is stored.
 */
export function peek(stream: Readable, bytes: number): Promise<{ head: Buffer; stream: Readable }> {
	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const finish = (ended: boolean) => {
			stream.off('readable', onReadable).off('end', onEnd).off('error', onError);
			const head = Buffer.concat(chunks);
			if (ended) return resolve({ head, stream: Readable.from(head.length > 0 ? [head] : []) });
			stream.unshift(head);
			resolve({ head, stream });
		};
		const onReadable = () => {
			let chunk: Buffer | null;
			while ((chunk = stream.read() as Buffer | null) !== null) {
				chunks.push(chunk);
				size += chunk.length;
				if (size >= bytes) return finish(false);
			}
		};
		const onEnd = () => finish(true);
		const onError = (error: Error) => {
			stream.off('readable', onReadable).off('end', onEnd);
			reject(error);
		};
		stream.on('readable', onReadable).once('end', onEnd).once('error', onError);
	});
}

/** Passes bytes through until there are more than `maxBytes`, then fails with `CONTENT_TOO_LARGE`. */
export class SizeLimit extends Transform {
	bytes = 0;
	exceeded = false;

	constructor(private readonly maxBytes: number | undefined) {
		super();
	}

	override _transform(chunk: Buffer, _encoding: BufferEncoding, done: (error?: Error | null, data?: Buffer) => void): void {
		this.bytes += chunk.length;
		if (this.maxBytes !== undefined && this.bytes > this.maxBytes) {
			this.exceeded = true;
			return done(tooLarge(this.maxBytes));
		}
		done(null, chunk);
	}
}

export function tooLarge(maxBytes: number) {
	return createError('CONTENT_TOO_LARGE', { part: 'file', limit: maxBytes, variable: 'FILES_MAX_UPLOAD_SIZE' });
}

/** Reads a small body whole, refusing more than `maxBytes`. */
export async function readSmall(stream: Readable, maxBytes: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let size = 0;
	for await (const chunk of stream) {
		size += (chunk as Buffer).length;
		if (size > maxBytes) {
			stream.destroy();
			throw createError('CONTENT_TOO_LARGE', { part: 'body', limit: maxBytes, variable: 'MAX_PAYLOAD_SIZE' });
		}
		chunks.push(chunk as Buffer);
	}
	return Buffer.concat(chunks);
}

/** Reads and discards the rest of a request, so that the answer reaches a client still sending. */
export function drain(stream: Readable): Promise<void> {
	if (stream.readableEnded || stream.destroyed) return Promise.resolve();
	return new Promise((resolve) => {
		stream
			.once('end', resolve)
			.once('close', resolve)
			.once('error', () => resolve());
		stream.resume();
	});
}
