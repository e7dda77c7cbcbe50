import Joi from 'joi';
import semver from 'semver';

export const extensionTypes = ['endpoint', 'hook', 'operation', 'interface', 'display', 'layout', 'panel', 'bundle'] as const;
export type ExtensionType = (typeof extensionTypes)[number];

/** Types whose code runs in the kernel, trusted or sandboxed. */
export const serverExtensionTypes = ['endpoint', 'hook', 'operation'] as const;
/** Types whose code the Studio imports in the browser; they never run in a sandbox. */
export const appExtensionTypes = ['interface', 'display', 'layout', 'panel'] as const;
export type ServerExtensionType = (typeof serverExtensionTypes)[number];
export type AppExtensionType = (typeof appExtensionTypes)[number];
export type EntryType = ServerExtensionType | AppExtensionType;

export const scopeNames = ['request', 'items', 'log', 'sleep', 'env'] as const;
export type ScopeName = (typeof scopeNames)[number];

export interface SandboxManifest {
	enabled: boolean;
	requestedScopes: Record<string, Record<string, unknown>>;
}

/** One extension inside a bundle: built from `src/<name>/index.*` to `<source>/<name>.js`. */
export interface BundleEntry {
	type: EntryType;
	name: string;
	sandbox?: SandboxManifest;
}

export interface ExtensionManifest {
	type: ExtensionType;
	/** The kernel versions this extension works with, as a semver range. */
	host: string;
	/** The built module, relative to the extension's folder; for a bundle, the folder its entries are built into. */
	source: string;
	sandbox?: SandboxManifest;
	/**
	 * The kernel capabilities the extension needs (`["items", "auth"]`), hapi's `dependencies`: the
	 * host refuses to load it when one is missing and hands it only these.
	 */
	capabilities?: string[];
	/** Only for `bundle`: the extensions it holds. */
	entries?: BundleEntry[];
}

const strings = Joi.array().items(Joi.string().min(1)).min(1);

/** The shape of each scope as the sandbox enforces it; `log` and `sleep` take no settings. */
const scopeSchemas: Record<ScopeName, Joi.ObjectSchema> = {
	log: Joi.object({}),
	sleep: Joi.object({}),
	env: Joi.object({ keys: strings.required() }),
	request: Joi.object({
		urls: strings.required(),
		methods: Joi.array()
			.items(Joi.string().valid('*', 'GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'))
			.min(1),
	}),
	items: Joi.object({
		collections: strings.required(),
		actions: Joi.array()
			.items(Joi.string().valid('read', 'create', 'update', 'delete'))
			.min(1),
	}),
};

const sandboxSchema = Joi.object({
	enabled: Joi.boolean().required(),
	requestedScopes: Joi.object(scopeSchemas).default({}),
});

/** App code runs in the Studio, where there is no isolate to put it in. */
const sandboxForServerTypesOnly = Joi.when('type', {
	is: Joi.valid(...appExtensionTypes),
	then: Joi.forbidden().messages({ 'any.unknown': '{{#label}} is not allowed: app extensions run in the Studio, never in a sandbox' }),
	otherwise: sandboxSchema,
});

const entrySchema = Joi.object<BundleEntry>({
	type: Joi.string()
		.valid(...serverExtensionTypes, ...appExtensionTypes)
		.required(),
	name: Joi.string()
		.pattern(/^[a-z0-9][a-z0-9_-]*$/)
		.required()
		.messages({ 'string.pattern.base': '{{#label}} must be lower-case letters, digits, "-" or "_"' }),
	sandbox: sandboxForServerTypesOnly,
}).unknown(false);

const manifestSchema = Joi.object<ExtensionManifest>({
	type: Joi.string()
		.valid(...extensionTypes)
		.required(),
	host: Joi.string()
		.required()
		.custom((value: string, helpers) => (semver.validRange(value) ? value : helpers.error('range.invalid')))
		.messages({ 'range.invalid': '{{#label}} must be a semver range such as ^1.0.0' }),
	source: Joi.string()
		.required()
		.custom((value: string, helpers) => (value.startsWith('/') || value.split(/[\\/]/).includes('..') ? helpers.error('source.outside') : value))
		.messages({ 'source.outside': '{{#label}} must be a path inside the extension folder' }),
	sandbox: Joi.when('type', {
		is: 'bundle',
		then: Joi.forbidden().messages({ 'any.unknown': '{{#label}} is not allowed on a bundle: each server entry declares its own' }),
		otherwise: sandboxForServerTypesOnly,
	}),
	capabilities: Joi.when('type', {
		is: Joi.valid(...serverExtensionTypes),
		then: Joi.array()
			.items(
				Joi.string()
					.pattern(/^[a-z][a-zA-Z]*$/)
					.messages({ 'string.pattern.base': '{{#label}} must be a capability name such as "items"' }),
			)
			.unique()
			.messages({ 'array.unique': '{{#label}} names a capability twice' }),
		otherwise: Joi.forbidden().messages({ 'any.unknown': '{{#label}} is only allowed on endpoint, hook and operation extensions' }),
	}),
	entries: Joi.when('type', {
		is: 'bundle',
		then: Joi.array().items(entrySchema).min(1).unique('name').required().messages({ 'array.unique': '{{#label}} repeats the name of another entry' }),
		otherwise: Joi.forbidden().messages({ 'any.unknown': '{{#label}} is only allowed on a bundle' }),
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
		const label = String(detail.context?.label ?? '');
		const message = label && detail.message.startsWith(`${label} `) ? detail.message.slice(label.length + 1) : detail.message;
		throw new ManifestError(`${packageName}: invalid "mantle:extension".${detail.path.join('.')}: ${message}.`);
	}
	return value;
}

/** Refuses an extension built for another kernel, naming both versions. */
export function checkHostRange(packageName: string, manifest: ExtensionManifest, kernelVersion: string): void {
	if (!semver.satisfies(kernelVersion, manifest.host, { includePrerelease: true })) {
		throw new ManifestError(`${packageName} requires Mantle ${manifest.host}, but this is Mantle ${kernelVersion}.`);
	}
}

export interface BuiltModule {
	type: EntryType;
	/** The entry's name in a bundle; absent for a single extension. */
	name?: string;
	/** The built file, relative to the extension's folder. */
	source: string;
	sandbox?: SandboxManifest;
}

/**
 * Every module a manifest promises, one per extension: the kernel loads these and the CLI
 * builds them, so both read the bundle layout from this one place.
 */
export function builtModules(manifest: ExtensionManifest): BuiltModule[] {
	if (manifest.type !== 'bundle') return [{ type: manifest.type, source: manifest.source, ...(manifest.sandbox ? { sandbox: manifest.sandbox } : {}) }];
	const folder = manifest.source.replace(/[\\/]+$/, '');
	return (manifest.entries ?? []).map((entry) => ({ ...entry, source: `${folder}/${entry.name}.js` }));
}

export function isServerExtension(type: string): type is ServerExtensionType {
	return (serverExtensionTypes as readonly string[]).includes(type);
}
