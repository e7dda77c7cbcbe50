import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { createError } from '../errors/index.js';
import { drain } from './streams.js';

export interface FilePart {
	stream: Readable;
	filename: string;
	mimeType: string;
	/** The form fields sent before this part, as Directus applies them. */
	fields: Record<string, string>;
}

/**
 * Hands each file part of a multipart body to `onFile`, one at a time and in order, streaming:
 * the next part is not read until the previous one is stored. A failing part stops the body,
 * which is then read to its end and discarded, so that the client receives the error instead of
 * a broken connection.
 */
export async function eachFilePart<T>(body: Readable, contentType: string | undefined, onFile: (part: FilePart) => Promise<T>): Promise<T[]> {
	if (!contentType?.toLowerCase().startsWith('multipart/form-data')) {
		throw createError('multipartRequired');
	}
	let parser: busboy.Busboy;
	try {
		parser = busboy({ headers: { 'content-type': contentType }, limits: { fields: 100, fieldSize: 1024 * 1024 } });
	} catch (error) {
		throw createError('multipartInvalid', { reason: (error as Error).message });
	}
	const fields: Record<string, string> = {};
	const results: T[] = [];
	let chain: Promise<void> = Promise.resolve();
	let failure: unknown;

	const finished = new Promise<void>((resolve, reject) => {
		parser.on('field', (name, value) => {
			fields[name] = value;
		});
		parser.on('file', (_name, stream, info) => {
			if (failure !== undefined) return stream.resume();
			const part: FilePart = { stream, filename: info.filename ?? 'file', mimeType: info.mimeType, fields: { ...fields } };
			chain = chain.then(async () => {
				if (failure !== undefined) return void stream.resume();
				try {
					results.push(await onFile(part));
				} catch (error) {
					failure ??= error;
					stream.resume();
					body.unpipe(parser);
					reject(error);
				}
			});
		});
		parser.once('close', () => resolve());
		parser.once('error', (error: Error) => reject(createError('multipartInvalid', { reason: error.message })));
		body.once('error', reject);
	});
	body.pipe(parser);
	try {
		await finished;
		await chain;
	} catch (error) {
		failure ??= error;
		body.unpipe(parser);
		await drain(body);
		throw failure;
	}
	if (failure !== undefined) throw failure;
	if (results.length === 0) throw createError('multipartWithoutFile');
	return results;
}
