import type { FilesCapability } from '@mantle/extensions-sdk';
import type { Config } from '../config/index.js';
import type { DataEngine } from '../items/engine.js';
import type { Storage } from '../storage/index.js';
import { AssetsService } from '../assets/service.js';
import { FilesService } from './service.js';

export interface FilesCapabilityDeps {
	engine: DataEngine;
	storage: Storage;
	config: Pick<Config, 'files' | 'assets' | 'maxPayloadBytes'>;
}

/** The SDK's `files` capability: uploads, imports and deletions through `FilesService`, `/assets` through `AssetsService`. */
export function createFilesCapability({ engine, storage, config }: FilesCapabilityDeps): FilesCapability {
	const files = new FilesService({ engine, storage, files: config.files, maxPayloadBytes: config.maxPayloadBytes });
	const assets = new AssetsService({ engine, storage, assets: config.assets });
	return {
		upload: ({ body, contentType, accountability }) => files.upload(body, contentType, accountability),
		import: (input, { accountability }) => files.import(input, accountability),
		update: (key, { body, contentType, accountability }) => files.update(key, body, contentType, accountability),
		delete: (keys, { accountability }) => files.delete(keys, accountability),
		asset: (key, request) => assets.serve(key, request),
	};
}
