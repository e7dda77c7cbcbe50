import type sharpModule from 'sharp';

let loaded: Promise<typeof sharpModule> | undefined;

/**
 * sharp and its native libvips load on the first image read or transformed, not at every start:
 * most requests, and many installs, never touch an image.
 */
export function loadSharp(): Promise<typeof sharpModule> {
	loaded ??= import('sharp').then((module) => module.default);
	return loaded;
}
