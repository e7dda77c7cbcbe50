import { createWriteStream, openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { readAssetRaw } from '../../commands/assets.js';
import { readFile, uploadFiles, type FileInfo } from '../../commands/files.js';
import { contextFor, parse, required, UsageError } from '../context.js';
import { record, table } from '../output.js';

export const filesUsage = `mantle-client files list [--limit N]
mantle-client files upload PATH [--title T] [--folder ID]
mantle-client files download ID [--output PATH]`;

export async function files(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, {
		title: { type: 'string' },
		folder: { type: 'string' },
		output: { type: 'string', short: 'o' },
		limit: { type: 'string' },
	});
	const ctx = contextFor(values);
	const [action, target] = positionals;
	const out = ctx.output;
	if (action === 'list') {
		const { readFiles } = await import('../../commands/files.js');
		const rows = await ctx
			.client()
			.request(readFiles({ fields: ['id', 'filename_download', 'type', 'filesize', 'folder'], limit: values.limit ? Number(values.limit) : 100 }));
		out.print(rows, () => table(rows));
		return;
	}
	if (action === 'upload') {
		const file = required(target, 'the path of the file to upload');
		const info = await stat(file).catch(() => undefined);
		if (!info?.isFile()) throw new UsageError(`${file} is not a readable file.`);
		const client = ctx.client();
		const form = new FormData();
		// Metadata parts come before the file part: the API reads them in order.
		if (values.title) form.append('title', values.title);
		if (values.folder) form.append('folder', values.folder);
		form.append('file', new File([await openAsBlob(file)], path.basename(file)));
		const progress = out.progress(`Uploading ${path.basename(file)}`);
		const created = (await client.request(uploadFiles(form, { onProgress: ({ loaded, total }) => progress(loaded, total) }))) as FileInfo;
		out.print(created, () => record(created));
		return;
	}
	if (action === 'download') {
		const id = required(target, 'the id of the file to download');
		const client = ctx.client();
		const meta = await client.request(readFile(id, { fields: ['filename_download'] }));
		const response = await client.request(readAssetRaw(id, { download: true }));
		const destination = values.output ?? meta.filename_download ?? id;
		const total = Number(response.headers.get('content-length') ?? 0);
		const progress = out.progress(`Downloading ${path.basename(destination)}`);
		let loaded = 0;
		const counter = new Transform({
			transform(chunk: Buffer, _encoding, done) {
				loaded += chunk.length;
				progress(loaded, total);
				done(null, chunk);
			},
		});
		if (!response.body) throw new Error('The server sent no content.');
		await pipeline(
			Readable.fromWeb(response.body as import('node:stream/web').ReadableStream),
			counter,
			destination === '-' ? process.stdout : createWriteStream(destination),
		);
		if (destination !== '-') out.print({ id, path: destination, bytes: loaded }, () => `Saved ${destination} (${loaded} bytes).`);
		return;
	}
	throw new UsageError(`Usage:\n${filesUsage}`);
}
