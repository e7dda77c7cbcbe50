import type { Knex } from 'knex';
import semver from 'semver';
import type { StorageDriver } from '@mantle/core';
import { badRequest, forbidden, notFound } from '../errors.js';
import type { Publisher } from '../publishers.js';

export interface ManageContext {
	knex: Knex;
	store: StorageDriver;
	unpublishWindowMs: number;
}

async function ownedPackage(knex: Knex, name: string, publisher: Publisher): Promise<void> {
	const pkg = await knex('registry_packages').where({ name }).first('publisher_id');
	if (!pkg) throw notFound(`The package "${name}" is not in this registry.`);
	if (Number(pkg.publisher_id) !== publisher.id) throw forbidden(`You are not a maintainer of "${name}".`);
}

/**
 * A document sent back without attachments (`npm deprecate`, the first step of `npm unpublish`):
 * deprecation messages change as the document says, and versions it no longer lists are
 * unpublished, under the unpublish rules.
 */
export async function updateMetadata(
	context: ManageContext,
	name: string,
	body: { versions?: Record<string, { deprecated?: unknown }> },
	publisher: Publisher,
): Promise<void> {
	await ownedPackage(context.knex, name, publisher);
	if (!body.versions || typeof body.versions !== 'object') throw badRequest('The document lists no versions.');
	const rows: Array<{ version: string; deprecated: string | null }> = await context.knex('registry_versions').where({ name }).select('version', 'deprecated');
	const removed = rows.filter((row) => !(row.version in body.versions!)).map((row) => row.version);
	if (removed.length > 0) await unpublish(context, name, removed, publisher);
	for (const row of rows) {
		const given = body.versions[row.version];
		if (!given) continue;
		const deprecated = typeof given.deprecated === 'string' && given.deprecated !== '' ? given.deprecated : null;
		if (deprecated !== row.deprecated) await context.knex('registry_versions').where({ name, version: row.version }).update({ deprecated });
	}
	await context.knex('registry_packages').where({ name }).update({ updated_at: context.knex.fn.now() });
}

/**
 * Removes versions, refused as a whole when any of them is older than the unpublish window or
 * is depended on by another package in this registry (so nobody's install breaks).
 */
export async function unpublish(context: ManageContext, name: string, versions: string[] | 'all', publisher: Publisher): Promise<void> {
	const { knex, store } = context;
	await ownedPackage(knex, name, publisher);
	const rows: Array<{ version: string; published_at: string | Date; tarball_key: string }> = await knex('registry_versions')
		.where({ name })
		.select('version', 'published_at', 'tarball_key');
	const chosen = versions === 'all' ? rows : rows.filter((row) => versions.includes(row.version));
	if (chosen.length === 0) throw notFound(`No such version of "${name}".`);
	const now = Date.now();
	for (const row of chosen) {
		if (now - new Date(row.published_at).getTime() > context.unpublishWindowMs) {
			throw forbidden(
				`${name}@${row.version} was published more than ${Math.round(context.unpublishWindowMs / 3_600_000)} hours ago and can no longer be unpublished; deprecate it instead.`,
			);
		}
		const dependent = await dependentOf(knex, name, row.version);
		if (dependent) throw forbidden(`${name}@${row.version} can't be unpublished: ${dependent} depends on it.`);
	}
	await knex.transaction(async (trx) => {
		await trx('registry_versions')
			.where({ name })
			.whereIn(
				'version',
				chosen.map((row) => row.version),
			)
			.delete();
		const left: Array<{ version: string }> = await trx('registry_versions').where({ name }).select('version');
		if (left.length === 0) {
			await trx('registry_dist_tags').where({ name }).delete();
			await trx('registry_packages').where({ name }).delete();
			return;
		}
		await trx('registry_dist_tags')
			.where({ name })
			.whereIn(
				'version',
				chosen.map((row) => row.version),
			)
			.delete();
		const hasLatest = await trx('registry_dist_tags').where({ name, tag: 'latest' }).first('version');
		if (!hasLatest) {
			const highest = semver.rsort(left.map((row) => row.version))[0]!;
			await trx('registry_dist_tags').insert({ name, tag: 'latest', version: highest });
		}
	});
	for (const row of chosen) await store.delete(row.tarball_key);
}

/** The first `other@version` in the registry whose dependencies accept `name@version`, if any. */
async function dependentOf(knex: Knex, name: string, version: string): Promise<string | undefined> {
	const rows: Array<{ name: string; version: string; document: string }> = await knex('registry_versions')
		.whereNot({ name })
		.select('name', 'version', 'document');
	for (const row of rows) {
		const document = JSON.parse(row.document) as Record<string, Record<string, string> | undefined>;
		for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies'] as const) {
			const range = document[field]?.[name];
			if (typeof range === 'string' && semver.validRange(range) && semver.satisfies(version, range, { includePrerelease: true }))
				return `${row.name}@${row.version}`;
		}
	}
	return undefined;
}

export async function distTags(knex: Knex, name: string): Promise<Record<string, string>> {
	const rows: Array<{ tag: string; version: string }> = await knex('registry_dist_tags').where({ name }).select('tag', 'version');
	if (rows.length === 0 && !(await knex('registry_packages').where({ name }).first('name'))) throw notFound(`The package "${name}" is not in this registry.`);
	return Object.fromEntries(rows.map((row) => [row.tag, row.version]));
}

export async function setDistTag(knex: Knex, name: string, tag: string, version: unknown, publisher: Publisher): Promise<void> {
	await ownedPackage(knex, name, publisher);
	if (!/^[a-z][\w.-]{0,63}$/i.test(tag) || semver.validRange(tag)) throw badRequest(`"${tag}" is not a valid tag name.`);
	if (typeof version !== 'string' || !(await knex('registry_versions').where({ name, version }).first('version')))
		throw notFound(`${name}@${String(version)} is not published here.`);
	await knex.transaction(async (trx) => {
		await trx('registry_dist_tags').where({ name, tag }).delete();
		await trx('registry_dist_tags').insert({ name, tag, version });
	});
}

export async function removeDistTag(knex: Knex, name: string, tag: string, publisher: Publisher): Promise<void> {
	await ownedPackage(knex, name, publisher);
	if (tag === 'latest') throw badRequest('The latest tag cannot be removed.');
	await knex('registry_dist_tags').where({ name, tag }).delete();
}
