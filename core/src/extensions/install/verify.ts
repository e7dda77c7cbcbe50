import { createHash } from 'node:crypto';
import { ManifestError, checkHostRange, parseManifest, type ExtensionManifest } from '@mantle/extensions-sdk';
import { keyIdOf, readTarball, verifyManifestSignature } from '@mantle/extensions-sdk/package';
import type { RegistryClientConfig } from '../../config/registry.js';
import { createError, type MantleError } from '../../errors/index.js';
import type { VersionDocument } from './client.js';

const refused = (name: string, version: string, reason: string): MantleError => createError('registryInstallRefused', { name, version, reason });

/**
 * Everything checked before a downloaded package may touch the extensions folder: the tarball
 * is the one the registry described (sha512 integrity), the registry's signature over every
 * file's sha256 verifies with a key this kernel trusts, the files are exactly those signed, the
 * manifest is a valid extension's, and its host range accepts this kernel.
 */
export async function verifyPackage(
	document: VersionDocument,
	tarball: Buffer,
	config: RegistryClientConfig,
	kernelVersion: string,
): Promise<ExtensionManifest> {
	const { name, version } = document;
	const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
	if (integrity !== document.dist.integrity)
		throw refused(name, version, `the tarball's integrity does not match the registry's (${document.dist.integrity}): it was altered after publishing.`);
	let contents;
	try {
		contents = await readTarball(tarball);
	} catch (error) {
		throw refused(name, version, `the tarball could not be read: ${(error as Error).message}`);
	}
	if (contents.packageJson.name !== name || contents.packageJson.version !== version)
		throw refused(name, version, `the tarball holds ${String(contents.packageJson.name)}@${String(contents.packageJson.version)}.`);

	const signature = document.dist['mantle:signature'];
	const signedFiles = document.dist['mantle:files'];
	if (!signature || !signedFiles) {
		if (config.requireSignature) throw refused(name, version, 'it is unsigned, and EXTENSIONS_REQUIRE_SIGNATURE is on.');
	} else {
		const keys = config.keys.map((key) => ({ key, id: keyIdOf(key) }));
		const key = keys.find((candidate) => candidate.id === signature.keyid);
		if (!key) {
			if (config.requireSignature) throw refused(name, version, `it is signed by the key ${signature.keyid}, which is not in EXTENSIONS_REGISTRY_KEYS.`);
		} else if (!verifyManifestSignature({ name, version, integrity, files: signedFiles }, signature.sig, key.key)) {
			throw refused(name, version, 'its signature does not verify: the package or its file list was altered.');
		}
		const actual = Object.keys(contents.files).sort();
		const signed = Object.keys(signedFiles).sort();
		if (actual.length !== signed.length || actual.some((file, index) => file !== signed[index] || contents.files[file] !== signedFiles[file])) {
			throw refused(name, version, 'its files are not the ones the registry signed.');
		}
	}

	let manifest: ExtensionManifest;
	try {
		manifest = parseManifest(name, contents.packageJson['mantle:extension']);
		checkHostRange(name, manifest, kernelVersion);
	} catch (error) {
		if (error instanceof ManifestError) throw refused(name, version, error.message);
		throw error;
	}
	return manifest;
}
