import { createHash, createPublicKey, verify } from 'node:crypto';

/** What a registry signs for one published version: its identity, its tarball's integrity and every file's sha256. */
export interface SignedManifest {
	name: string;
	version: string;
	integrity: string;
	files: Record<string, string>;
}

/**
 * The exact bytes that are signed and verified: the manifest as JSON with its keys (and the
 * file paths) in sorted order, so that the registry and the kernel agree whatever built it.
 */
export function manifestPayload(manifest: SignedManifest): string {
	const files = Object.fromEntries(
		Object.keys(manifest.files)
			.sort()
			.map((file) => [file, manifest.files[file]]),
	);
	return JSON.stringify({ files, integrity: manifest.integrity, name: manifest.name, version: manifest.version });
}

/** Where a version's signature travels: in its `dist`, beside npm's own fields. */
export interface DistSignature {
	keyid: string;
	sig: string;
}

/** `SHA256:` and the base64 digest of the public key's DER bytes, as npm names its keys. */
export function keyIdOf(publicKeyBase64: string): string {
	return `SHA256:${createHash('sha256').update(Buffer.from(publicKeyBase64, 'base64')).digest('base64')}`;
}

/** Whether `signature` (base64 ed25519) over the manifest's payload was made by the key (base64 SPKI DER). */
export function verifyManifestSignature(manifest: SignedManifest, signature: string, publicKeyBase64: string): boolean {
	try {
		const key = createPublicKey({ key: Buffer.from(publicKeyBase64, 'base64'), format: 'der', type: 'spki' });
		return verify(null, Buffer.from(manifestPayload(manifest)), key, Buffer.from(signature, 'base64'));
	} catch {
		return false;
	}
}
