import { readFileSync } from 'node:fs';

/** The kernel's version, read from core/package.json (one level above both src/ and dist/). */
export const kernelVersion: string = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
