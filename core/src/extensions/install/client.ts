import { createError } from '../../errors/index.js';
import type { RegistryClientConfig } from '../../config/registry.js';

/** A package larger than this is not downloaded: extensions are code, and the kernel holds the tarball in memory to verify it. */
const maxTarballBytes = 50 * 1024 * 1024;

export interface VersionDocument {
	name: string;
	version: string;
	dist: { tarball: string; integrity: string; 'mantle:files'?: Record<string, string>; 'mantle:signature'?: { keyid: string; sig: string } };
	[key: string]: unknown;
}

export interface Packument {
	name: string;
	'dist-tags': Record<string, string>;
	versions: Record<string, VersionDocument>;
}

/** Talks to the one registry the kernel is configured with; tarballs are fetched only from its own origin. */
export class RegistryClient {
	readonly origin: string;

	constructor(private readonly config: RegistryClientConfig & { url: string }) {
		this.origin = new URL(config.url).origin;
	}

	private headers(): Record<string, string> {
		return { accept: 'application/json', ...(this.config.token ? { authorization: `Bearer ${this.config.token}` } : {}) };
	}

	async json<T>(path: string): Promise<T> {
		let response: Response;
		try {
			response = await fetch(`${this.config.url}${path}`, { headers: this.headers(), redirect: 'error', signal: AbortSignal.timeout(30_000) });
		} catch (error) {
			throw createError('registryUnreachable', { url: this.config.url, reason: (error as Error).message });
		}
		if (response.status === 404) throw createError('registryPackageMissing', { path });
		if (!response.ok) throw createError('registryAnswered', { status: response.status, path });
		return (await response.json()) as T;
	}

	packument(name: string): Promise<Packument> {
		return this.json<Packument>(`/${name.replace('/', '%2f')}`);
	}

	async tarball(url: string, onProgress?: (received: number, total: number | undefined) => void): Promise<Buffer> {
		if (new URL(url).origin !== this.origin) throw createError('registryTarballElsewhere', { origin: new URL(url).origin, registry: this.origin });
		const response = await fetch(url, { headers: this.headers(), redirect: 'error', signal: AbortSignal.timeout(120_000) });
		if (!response.ok || !response.body) throw createError('registryTarballFailed', { status: response.status, url });
		const total = Number(response.headers.get('content-length')) || undefined;
		const chunks: Buffer[] = [];
		let received = 0;
		for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
			received += chunk.length;
			if (received > maxTarballBytes) throw createError('registryTarballTooLarge', { limit: maxTarballBytes });
			chunks.push(Buffer.from(chunk));
			onProgress?.(received, total);
		}
		return Buffer.concat(chunks);
	}
}
