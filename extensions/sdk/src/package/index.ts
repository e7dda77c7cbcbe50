// Node-only helpers for packaged extensions (reading tarballs, the signed manifest), kept out of
// the SDK's main entry so that it still runs in the browser and the sandbox.
export { isPackageName } from './names.js';
export { packagePath, readTarball, type TarballContents } from './tarball.js';
export { keyIdOf, manifestPayload, verifyManifestSignature, type DistSignature, type SignedManifest } from './signing.js';
