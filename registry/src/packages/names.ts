import { isPackageName } from '@mantle/extensions-sdk/package';
import { badRequest } from '../errors.js';

export function checkPackageName(name: string): string {
	if (!isPackageName(name)) throw badRequest(`"${name}" is not a valid package name.`);
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
