// npm's rule for new package names: lower case, URL-safe, an optional scope, at most 214 characters.
// The registry refuses to publish other names and the kernel to install them, so a name can never
// climb out of the registry's path or the extensions folder ("../x").
const packageName = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function isPackageName(name: string): boolean {
	return name.length <= 214 && packageName.test(name);
}
