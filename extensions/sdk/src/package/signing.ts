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
	const files = Object.fromEntries(Object.keys(manifest.files).sort().map((file) => [file, manifest.files[file]]));
	return JSON.stringify({ files, integrity: manifest.integrity, name: manifest.name, version: manifest.version });
}

/** Where a version's signature travels: in its `dist`, beside npm's own fields. */
export interface DistSignature {
	keyid: string;
	sig: string;
}
