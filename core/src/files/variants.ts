import type { StorageDriver } from '../storage/index.js';

/**
 * Transformed variants live next to their original, in the same location, as
 * `<id>__<hash of the normalised transformation>.<ext>`: listing `<id>__` finds them all.
 */
export function variantPrefix(id: string): string {
	return `${id}__`;
}

export function variantKey(id: string, hash: string, ext: string): string {
	return `${variantPrefix(id)}${hash}.${ext}`;
}

/** Removes every variant of a file, after its content changed or went away. */
export async function dropVariants(driver: StorageDriver, id: string): Promise<void> {
	const keys: string[] = [];
	for await (const key of driver.list(variantPrefix(id))) keys.push(key);
	await Promise.all(keys.map((key) => driver.delete(key)));
}
