import Joi from 'joi';
import semver from 'semver';

export const extensionTypes = ['endpoint', 'hook', 'operation', 'interface', 'display', 'layout', 'panel', 'bundle'] as const;
export type ExtensionType = (typeof extensionTypes)[number];

export interface ExtensionManifest {
	type: ExtensionType;
	/** The kernel versions this extension works with, as a semver range. */
	host: string;
	/** The built module, relative to the extension's folder. */
	source: string;
	sandbox?: { enabled: boolean; requestedScopes: Record<string, Record<string, unknown>> };
}

const scopeNames = ['request', 'items', 'log', 'sleep', 'env'] as const;

const manifestSchema = Joi.object<ExtensionManifest>({
	type: Joi.string().valid(...extensionTypes).required(),
	host: Joi.string()
		.required()
		.custom((value: string, helpers) => (semver.validRange(value) ? value : helpers.error('range.invalid')))
		.messages({ 'range.invalid': '{{#label}} must be a semver range such as ^1.0.0' }),
	source: Joi.string()
		.required()
		.custom((value: string, helpers) => (value.startsWith('/') || value.split(/[\\/]/).includes('..') ? helpers.error('source.outside') : value))
		.messages({ 'source.outside': '{{#label}} must be a path inside the extension folder' }),
	sandbox: Joi.object({
		enabled: Joi.boolean().required(),
		requestedScopes: Joi.object(Object.fromEntries(scopeNames.map((name) => [name, Joi.object().unknown(true)]))).default({}),
	}),
}).unknown(false);

export class ManifestError extends Error {
	override name = 'ManifestError';
}

/** Validates a package's `mantle:extension` block; the message names the offending key. */
export function parseManifest(packageName: string, block: unknown): ExtensionManifest {
	if (block === undefined) throw new ManifestError(`${packageName}: package.json has no "mantle:extension" block.`);
	const { value, error } = manifestSchema.validate(block, { abortEarly: true, errors: { wrap: { label: false } } });
	if (error) {
		const detail = error.details[0]!;
		throw new ManifestError(`${packageName}: invalid "mantle:extension".${detail.path.join('.')}: ${detail.message.replace(/^[\w.]+ /, '')}.`);
	}
	return value;
}

/** Refuses an extension built for another kernel, naming both versions. */
export function checkHostRange(packageName: string, manifest: ExtensionManifest, kernelVersion: string): void {
	if (!semver.satisfies(kernelVersion, manifest.host, { includePrerelease: true })) {
		throw new ManifestError(`${packageName} requires Mantle ${manifest.host}, but this is Mantle ${kernelVersion}.`);
	}
}
