import type { Knex } from 'knex';
import semver from 'semver';
import type { RegistryListing } from '@mantle/extensions-sdk';
import { notFound } from '../errors.js';
import { renderReadme } from '../readme.js';

/** A marketplace listing: what the kernel's registry capability reads (the SDK's `RegistryListing`), and more. */
export interface Listing extends RegistryListing {
	keywords: string[];
	license: string | null;
	updated_at: string;
	deprecated: string | null;
}

interface LatestRow {
	name: string;
	version: string;
	document: string;
	deprecated: string | null;
	updated_at: string | Date;
	publisher: string;
	verified: boolean | number;
}

function day(offsetDays: number): string {
	return new Date(Date.now() - offsetDays * 86_400_000).toISOString().slice(0, 10);
}

/** Every package at its `latest` version, with its publisher and last week's downloads. */
async function listings(knex: Knex): Promise<Listing[]> {
	const rows: LatestRow[] = await knex('registry_packages as p')
		.join('registry_dist_tags as t', function () {
			this.on('t.name', '=', 'p.name').andOn('t.tag', '=', knex.raw('?', ['latest']));
		})
		.join('registry_versions as v', function () {
			this.on('v.name', '=', 't.name').andOn('v.version', '=', 't.version');
		})
		.join('registry_publishers as u', 'u.id', 'p.publisher_id')
		.select('p.name', 'v.version', 'v.document', 'v.deprecated', 'p.updated_at', 'u.name as publisher', 'u.verified');
	const downloads: Array<{ name: string; total: string | number }> = await knex('registry_downloads')
		.where('day', '>=', day(6))
		.groupBy('name')
		.select('name')
		.sum({ total: 'count' });
	const weekly = new Map(downloads.map((row) => [row.name, Number(row.total)]));
	return rows.map((row) => {
		const document = JSON.parse(row.document) as Record<string, unknown>;
		const manifest = (document['mantle:extension'] ?? null) as {
			type?: string;
			host?: string;
			sandbox?: { enabled?: boolean; requestedScopes?: Record<string, unknown> };
		} | null;
		return {
			name: row.name,
			version: row.version,
			description: typeof document.description === 'string' ? document.description : null,
			keywords: Array.isArray(document.keywords) ? document.keywords.map(String) : [],
			license: typeof document.license === 'string' ? document.license : null,
			type: manifest?.type ?? null,
			host: manifest?.host ?? null,
			sandboxed: manifest?.sandbox?.enabled === true,
			requested_scopes: manifest?.sandbox?.requestedScopes ?? {},
			publisher: { name: row.publisher, verified: Boolean(row.verified) },
			downloads_week: weekly.get(row.name) ?? 0,
			updated_at: new Date(row.updated_at).toISOString(),
			deprecated: row.deprecated,
		};
	});
}

export interface MarketQuery {
	search?: string;
	type?: string;
	/** A kernel version: only extensions whose host range accepts it. */
	host?: string;
	sandboxedOnly?: boolean;
	sort?: 'downloads' | 'recent' | 'name';
	limit: number;
	offset: number;
	/** Mantle's own libraries are packages too; the marketplace lists extensions unless asked otherwise. */
	extensionsOnly?: boolean;
}

export async function searchListings(knex: Knex, query: MarketQuery): Promise<{ items: Listing[]; total: number }> {
	const words = (query.search ?? '').toLowerCase().split(/\s+/).filter(Boolean);
	let items = (await listings(knex)).filter((item) => {
		if (query.extensionsOnly !== false && !item.type) return false;
		if (query.type && item.type !== query.type) return false;
		if (query.sandboxedOnly && !item.sandboxed) return false;
		if (query.host && !(item.host && semver.satisfies(query.host, item.host, { includePrerelease: true }))) return false;
		const haystack = [item.name, item.description ?? '', ...item.keywords].join(' ').toLowerCase();
		return words.every((word) => haystack.includes(word));
	});
	const sort = query.sort ?? 'downloads';
	items = items.sort((a, b) =>
		sort === 'recent'
			? b.updated_at.localeCompare(a.updated_at)
			: sort === 'name'
				? a.name.localeCompare(b.name)
				: b.downloads_week - a.downloads_week || a.name.localeCompare(b.name),
	);
	return { items: items.slice(query.offset, query.offset + query.limit), total: items.length };
}

/** An extension's page: its listing, the README as safe HTML, and every version. */
export async function extensionPage(knex: Knex, name: string): Promise<Record<string, unknown>> {
	const listing = (await listings(knex)).find((item) => item.name === name);
	if (!listing) throw notFound(`The package "${name}" is not in this registry.`);
	const versions: Array<{ version: string; document: string; published_at: string | Date; deprecated: string | null; readme: string | null }> = await knex(
		'registry_versions',
	)
		.where({ name })
		.select('version', 'document', 'published_at', 'deprecated', 'readme');
	const tags: Array<{ tag: string; version: string }> = await knex('registry_dist_tags').where({ name }).select('tag', 'version');
	const latest = versions.find((row) => row.version === listing.version);
	return {
		...listing,
		readme_html: renderReadme(latest?.readme),
		dist_tags: Object.fromEntries(tags.map((row) => [row.tag, row.version])),
		versions: semver.rsort(versions.map((row) => row.version)).map((version) => {
			const row = versions.find((candidate) => candidate.version === version)!;
			const manifest = (JSON.parse(row.document) as { 'mantle:extension'?: { host?: string; sandbox?: { requestedScopes?: unknown } } })['mantle:extension'];
			return {
				version,
				published_at: new Date(row.published_at).toISOString(),
				deprecated: row.deprecated,
				host: manifest?.host ?? null,
				requested_scopes: manifest?.sandbox?.requestedScopes ?? {},
			};
		}),
	};
}

export async function countDownload(knex: Knex, name: string): Promise<void> {
	const today = day(0);
	const updated = await knex('registry_downloads').where({ name, day: today }).increment('count', 1);
	if (!updated)
		await knex('registry_downloads')
			.insert({ name, day: today, count: 1 })
			.catch(() => knex('registry_downloads').where({ name, day: today }).increment('count', 1));
}
