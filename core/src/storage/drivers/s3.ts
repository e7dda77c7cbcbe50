import { pipeline, type Readable } from 'node:stream';
import {
	CopyObjectCommand,
	DeleteObjectCommand,
	GetObjectCommand,
	HeadObjectCommand,
	S3Client,
	S3ServiceException,
	paginateListObjectsV2,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { ByteCounter, checkKey, checkPrefix, checkRange, objectNotFound, rangeNotSatisfiable, withRoot } from '../keys.js';
import type { StorageDriver, StoredObjectInfo } from '../types.js';

export interface S3DriverOptions {
	bucket: string;
	/** Access key id and secret; both unset: the SDK's own chain (environment, instance role ...). */
	key?: string;
	secret?: string;
	/** Defaults to `us-east-1`, which S3-compatible stores accept whatever their own region. */
	region?: string;
	/** For S3-compatible stores (MinIO, R2, s3rver ...). */
	endpoint?: string;
	/** `true` for stores that do not serve `<bucket>.<host>` names. */
	forcePathStyle?: string;
	/** Prefix of every object key, so that several locations can share one bucket. */
	root?: string;
}

/** Parts of a multipart upload and how many are in flight: memory per upload stays near 5 MiB x 2. */
const partSize = 5 * 1024 * 1024;
const partsInFlight = 2;

const statusOf = (error: unknown) => (error instanceof S3ServiceException ? error.$metadata.httpStatusCode : undefined);

export function createS3Driver(options: S3DriverOptions): StorageDriver {
	const client = new S3Client({
		region: options.region ?? 'us-east-1',
		endpoint: options.endpoint,
		forcePathStyle: /^(true|1|yes|on)$/i.test(options.forcePathStyle ?? ''),
		credentials: options.key !== undefined && options.secret !== undefined ? { accessKeyId: options.key, secretAccessKey: options.secret } : undefined,
		// With the SDK's defaults a streamed body of unknown length is sent with aws-chunked
		// framing and checksum trailers, which S3-compatible stores save verbatim into the object.
		requestChecksumCalculation: 'WHEN_REQUIRED',
		responseChecksumValidation: 'WHEN_REQUIRED',
	});
	const Bucket = options.bucket;
	const nameOf = (key: string) => withRoot(options.root, checkKey(key));
	const rootPrefix = options.root ? withRoot(options.root, '') : '';

	async function head(key: string): Promise<StoredObjectInfo | null> {
		try {
			const response = await client.send(new HeadObjectCommand({ Bucket, Key: nameOf(key) }));
			return { size: response.ContentLength ?? 0, modified: response.LastModified ?? new Date(0), etag: response.ETag, contentType: response.ContentType };
		} catch (error) {
			if (statusOf(error) === 404) return null;
			throw error;
		}
	}

	return {
		async put(key, body, putOptions = {}) {
			const Key = nameOf(key);
			const counter = new ByteCounter();
			// A failing source reaches the upload as the counter's error; the multipart upload is then
			// aborted (and a body under one part is never sent), so no partial object is left.
			let sourceError: Error | undefined;
			body.once('error', (error) => (sourceError = error));
			const source = pipeline(body, counter, () => undefined);
			const upload = new Upload({
				client,
				params: { Bucket, Key, Body: source, ContentType: putOptions.contentType },
				partSize,
				queueSize: partsInFlight,
				leavePartsOnError: false,
			});
			try {
				await upload.done();
			} catch (error) {
				source.destroy();
				// The source's failure is the cause; a failed clean-up after it would only hide it.
				throw sourceError ?? error;
			}
			return { size: counter.bytes };
		},

		async get(key, range) {
			const Key = nameOf(key);
			if (range) checkRange(range);
			try {
				const response = await client.send(new GetObjectCommand({ Bucket, Key, Range: range ? `bytes=${range.start}-${range.end ?? ''}` : undefined }));
				return response.Body as Readable;
			} catch (error) {
				if (statusOf(error) === 404) throw objectNotFound(error);
				if (statusOf(error) === 416 && range) throw rangeNotSatisfiable(range);
				throw error;
			}
		},

		head,

		async delete(key) {
			await client.send(new DeleteObjectCommand({ Bucket, Key: nameOf(key) }));
		},

		async *list(prefix = '') {
			for await (const page of paginateListObjectsV2({ client }, { Bucket, Prefix: withRoot(options.root, checkPrefix(prefix)) })) {
				for (const object of page.Contents ?? []) if (object.Key !== undefined) yield object.Key.slice(rootPrefix.length);
			}
		},

		async move(from, to) {
			const source = nameOf(from);
			const target = nameOf(to);
			// Copying an object onto itself and deleting the source would lose it.
			if (source === target) {
				if (!(await head(from))) throw objectNotFound();
				return;
			}
			// S3 has no rename: a server-side copy (up to 5 GB), then the delete.
			const copySource = `${Bucket}/${source.split('/').map(encodeURIComponent).join('/')}`;
			try {
				await client.send(new CopyObjectCommand({ Bucket, Key: target, CopySource: copySource }));
			} catch (error) {
				if (statusOf(error) === 404) throw objectNotFound(error);
				throw error;
			}
			await client.send(new DeleteObjectCommand({ Bucket, Key: source }));
		},
	};
}
