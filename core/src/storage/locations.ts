import { ConfigError, type StorageLocationConfig } from '../config/index.js';
import { createError } from '../errors/index.js';
import type { Storage, StorageDriver } from './types.js';

type Options = Record<string, string>;

interface DriverEntry {
	/** Options a location of this driver cannot work without, in lower camel case. */
	required: string[];
	/** Options that make sense only together. */
	together?: string[];
	/** Imported on first use, so that an instance with only local files never loads a cloud SDK. */
	load(): Promise<(options: Options) => StorageDriver>;
}

const drivers: Record<string, DriverEntry> = {
	local: {
		required: ['root'],
		load: async () => {
			const { createLocalDriver } = await import('./drivers/local.js');
			return (options) => createLocalDriver({ root: options.root! });
		},
	},
	azure: {
		required: ['containerName', 'accountName', 'accountKey'],
		load: async () => {
			const { createAzureDriver } = await import('./drivers/azure.js');
			return (options) =>
				createAzureDriver({ ...options, containerName: options.containerName!, accountName: options.accountName!, accountKey: options.accountKey! });
		},
	},
	s3: {
		required: ['bucket'],
		together: ['key', 'secret'],
		load: async () => {
			const { createS3Driver } = await import('./drivers/s3.js');
			return (options) => createS3Driver({ ...options, bucket: options.bucket! });
		},
	},
};

const variable = (location: string, option: string) => `STORAGE_${location.toUpperCase()}_${option.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;

/** Refuses, at start, a location that could only fail later, naming the variable to set. */
function validate({ name, driver, options }: StorageLocationConfig): DriverEntry {
	const entry = Object.hasOwn(drivers, driver) ? drivers[driver]! : undefined;
	if (!entry) {
		throw new ConfigError(
			variable(name, 'driver'),
			`Invalid configuration: ${variable(name, 'driver')} must be one of ${Object.keys(drivers).join(', ')} (got ${JSON.stringify(driver)}).`,
		);
	}
	const absent = (option: string) => options[option] === undefined || options[option] === '';
	for (const option of entry.required) {
		if (absent(option))
			throw new ConfigError(
				variable(name, option),
				`Invalid configuration: ${variable(name, option)} is required for the storage location "${name}" (driver ${driver}).`,
			);
	}
	const together = entry.together ?? [];
	const missing = together.find(absent);
	if (missing && together.some((option) => !absent(option))) {
		throw new ConfigError(
			variable(name, missing),
			`Invalid configuration: ${variable(name, missing)} is required for the storage location "${name}" when ${together
				.filter((option) => !absent(option))
				.map((option) => variable(name, option))
				.join(' and ')} is set.`,
		);
	}
	return entry;
}

/** A driver that imports and builds the real one on its first call. */
function lazyDriver(build: () => Promise<StorageDriver>): StorageDriver {
	let driver: Promise<StorageDriver> | undefined;
	const real = () => (driver ??= build());
	return {
		put: async (key, body, options) => (await real()).put(key, body, options),
		get: async (key, range) => (await real()).get(key, range),
		head: async (key) => (await real()).head(key),
		delete: async (key) => (await real()).delete(key),
		async *list(prefix) {
			yield* (await real()).list(prefix);
		},
		move: async (from, to) => (await real()).move(from, to),
	};
}

/**
 * Checks every location's configuration at once (throwing `ConfigError`), then hands out one
 * driver per location, built on first use.
 */
export function createStorage(locations: StorageLocationConfig[]): Storage {
	if (locations.length === 0) throw new ConfigError('STORAGE_LOCATIONS', 'Invalid configuration: STORAGE_LOCATIONS must name at least one storage location.');
	const entries = new Map<string, { config: StorageLocationConfig; entry: DriverEntry }>();
	for (const config of locations) {
		if (entries.has(config.name))
			throw new ConfigError('STORAGE_LOCATIONS', `Invalid configuration: STORAGE_LOCATIONS names the location "${config.name}" twice.`);
		entries.set(config.name, { config, entry: validate(config) });
	}
	const built = new Map<string, StorageDriver>();
	const names = [...entries.keys()];

	return {
		names,
		default: names[0]!,
		location(name) {
			const known = entries.get(name);
			if (!known) throw createError('storageLocationUnknown', { name: JSON.stringify(name), names: names.join(', ') });
			let driver = built.get(name);
			if (!driver) {
				driver = lazyDriver(async () => (await known.entry.load())(known.config.options));
				built.set(name, driver);
			}
			return driver;
		},
	};
}
