// The manifest rules live in the SDK so that `mantle-extension validate` and the kernel refuse
// exactly the same things with exactly the same messages.
export { checkHostRange, extensionTypes, ManifestError, parseManifest, type ExtensionManifest, type ExtensionType } from '@mantle/extensions-sdk';
