import { badRequest } from '../errors.js';

const packageName = /^(?:@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

export function checkPackageName(name: string): string {
	if (name.length > 214 || !packageName.test(name)) throw badRequest(`"${name}" is not a valid package name.`);
	return name;
}

/** `@scope/name` → `name`: the base of tarball file names. */
export function baseName(name: string): string {
	return name.startsWith('@') ? name.slice(name.indexOf('/') + 1) : name;
}

export function tarballFile(name: string, version: string): string {
	return `${baseName(name)}-${version}.tgz`;
}

/** `name/-/name-1.0.0.tgz` under the tarball store; scoped names keep their scope folder. */
export function tarballKey(name: string, version: string): string {
	return `${name}/-/${tarballFile(name, version)}`;
}
