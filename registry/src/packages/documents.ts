import { createHash } from 'node:crypto';
import type { Knex } from 'knex';
import { notFound } from '../errors.js';

export interface VersionRow {
	name: string;
	version: string;
	document: string;
	readme: string | null;
	integrity: string;
	tarball_key: string;
	size: number;
	deprecated: string | null;
	published_at: string | Date;
}

export function tarballUrl(baseUrl: string, name: string, file: string): string {
	return `${baseUrl}/${name}/-/${file}`;
}

/** A version's document as stored, with its tarball URL for this registry's address and its deprecation. */
export function versionDocument(row: VersionRow, baseUrl: string): Record<string, unknown> {
	const document = JSON.parse(row.document) as Record<string, unknown> & { dist: Record<string, unknown> };
	const file = String(row.tarball_key).split('/').pop()!;
	return { ...document, dist: { ...document.dist, tarball: tarballUrl(baseUrl, row.name, file) }, ...(row.deprecated ? { deprecated: row.deprecated } : {}) };
}

const iso = (value: string | Date) => new Date(value).toISOString();

/**
 * The package document npm reads (`npm view`, `npm install`): every version, the dist-tags, the
 * times, and a `_rev` that changes whenever the document does (npm sends it back on unpublish).
 */
export async function packument(knex: Knex, name: string, baseUrl: string): Promise<Record<string, unknown>> {
	const pkg = await knex('registry_packages').where({ name }).first();
	if (!pkg) throw notFound(`The package "${name}" is not in this registry.`);
	const rows: VersionRow[] = await knex('registry_versions').where({ name }).orderBy('published_at', 'asc');
	if (rows.length === 0) throw notFound(`The package "${name}" is not in this registry.`);
	const tags = await knex('registry_dist_tags').where({ name }).select('tag', 'version');
	const publisher = await knex('registry_publishers').where({ id: pkg.publisher_id }).first('name');
	const versions: Record<string, unknown> = {};
	const time: Record<string, string> = { created: iso(pkg.created_at), modified: iso(pkg.updated_at) };
	for (const row of rows) {
		versions[row.version] = versionDocument(row, baseUrl);
		time[row.version] = iso(row.published_at);
	}
	const distTags = Object.fromEntries(tags.map((row) => [row.tag, row.version]));
	const latest = (distTags.latest ? rows.find((row) => row.version === distTags.latest) : undefined) ?? rows[rows.length - 1]!;
	const latestDocument = versions[latest.version] as Record<string, unknown>;
	const body = {
		_id: name,
		name,
		description: latestDocument.description,
		'dist-tags': distTags,
		versions,
		time,
		maintainers: [{ name: publisher?.name }],
		readme: latest.readme ?? '',
		license: latestDocument.license,
		keywords: latestDocument.keywords,
	};
	const rev = createHash('sha256')
		.update(JSON.stringify([distTags, Object.keys(versions), rows.map((row) => row.deprecated)]))
		.digest('hex')
		.slice(0, 32);
	return { ...body, _rev: `${rows.length}-${rev}` };
}
