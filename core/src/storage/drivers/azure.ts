import { pipeline, type Readable } from 'node:stream';
import { BlobServiceClient, RestError, StorageSharedKeyCredential, type ContainerClient } from '@azure/storage-blob';
import { ByteCounter, checkKey, checkPrefix, checkRange, objectNotFound, rangeNotSatisfiable, withRoot } from '../keys.js';
import type { StorageDriver } from '../types.js';

export interface AzureDriverOptions {
	containerName: string;
	accountName: string;
	accountKey: string;
	/** Blob service URL; defaults to Azure's public endpoint for the account. Azurite: `http://127.0.0.1:10000/devstoreaccount1`. */
	endpoint?: string;
	/** Prefix of every blob name, so that several locations can share one container. */
	root?: string;
}

/**
 * Blocks staged per upload and how many are in flight: memory per upload stays near
 * 4 MiB x 3 whatever the file size, which is what lets a large upload stream through.
 */
const blockSize = 4 * 1024 * 1024;
const blocksInFlight = 3;

const statusOf = (error: unknown) => (error instanceof RestError ? error.statusCode : undefined);

export function createAzureDriver(options: AzureDriverOptions): StorageDriver {
	const credential = new StorageSharedKeyCredential(options.accountName, options.accountKey);
	const endpoint = (options.endpoint ?? `https://${options.accountName}.blob.core.windows.net`).replace(/\/+$/, '');
	const container = new BlobServiceClient(endpoint, credential).getContainerClient(options.containerName);
	const nameOf = (key: string) => withRoot(options.root, checkKey(key));
	const keyOf = (name: string) => (options.root ? name.slice(withRoot(options.root, '').length) : name);

	/** Created once per process on first use; a failure is retried by the next call rather than remembered. */
	let ready: Promise<ContainerClient> | undefined;
	function containerReady(): Promise<ContainerClient> {
		ready ??= container.createIfNotExists().then(
			() => container,
			(error: unknown) => {
				ready = undefined;
				throw error;
			},
		);
		return ready;
	}
	/** The key is checked before any request, so a bad key is refused the same whether or not the store answers. */
	async function blobOf(key: string) {
		const name = nameOf(key);
		return (await containerReady()).getBlockBlobClient(name);
	}

	return {
		async put(key, body, putOptions = {}) {
			const blob = await blobOf(key);
			const counter = new ByteCounter();
			// A failing source reaches the upload as the counter's error; blocks are only staged until
			// the stream ends, and a stream that fails commits none of them.
			let sourceError: Error | undefined;
			body.once('error', (error) => (sourceError = error));
			const source = pipeline(body, counter, () => undefined);
			try {
				await blob.uploadStream(source, blockSize, blocksInFlight, { blobHTTPHeaders: { blobContentType: putOptions.contentType } });
			} catch (error) {
				source.destroy();
				// The source's failure is the cause; a failed clean-up after it would only hide it.
				throw sourceError ?? error;
			}
			return { size: counter.bytes };
		},

		async get(key, range) {
			if (range) checkRange(range);
			const blob = await blobOf(key);
			try {
				const offset = range?.start ?? 0;
				const count = range?.end === undefined ? undefined : range.end - range.start + 1;
				const response = await blob.download(offset, count);
				const body = response.readableStreamBody as Readable;
				// Azure answers 416 for a range past the end; Azurite answers an empty 206 instead.
				const total = Number(/\/(\d+)$/.exec(response.contentRange ?? '')?.[1]);
				if (range && range.start >= total) {
					body.destroy();
					throw rangeNotSatisfiable(range, total);
				}
				return body;
			} catch (error) {
				if (statusOf(error) === 404) throw objectNotFound(error);
				if (statusOf(error) === 416 && range) throw rangeNotSatisfiable(range);
				throw error;
			}
		},

		async head(key) {
			const blob = await blobOf(key);
			try {
				const properties = await blob.getProperties();
				return {
					size: properties.contentLength ?? 0,
					modified: properties.lastModified ?? new Date(0),
					etag: properties.etag,
					contentType: properties.contentType,
				};
			} catch (error) {
				if (statusOf(error) === 404) return null;
				throw error;
			}
		},

		async delete(key) {
			await (await blobOf(key)).deleteIfExists();
		},

		async *list(prefix = '') {
			const name = withRoot(options.root, checkPrefix(prefix));
			const client = await containerReady();
			for await (const blob of client.listBlobsFlat({ prefix: name })) yield keyOf(blob.name);
		},

		async move(from, to) {
			const source = await blobOf(from);
			const target = await blobOf(to);
			// Copying a blob onto itself and deleting the source would lose it.
			if (source.name === target.name) {
				if (!(await source.exists())) throw objectNotFound();
				return;
			}
			// Blob storage has no rename: a server-side copy within the account, then the delete.
			try {
				const copy = await target.beginCopyFromURL(source.url);
				await copy.pollUntilDone();
			} catch (error) {
				if (statusOf(error) === 404) throw objectNotFound(error);
				throw error;
			}
			await source.deleteIfExists();
		},
	};
}
