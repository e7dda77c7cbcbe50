import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Knex } from 'knex';
import semver from 'semver';
import type { StorageDriver } from '@mantle/core';
import { ManifestError, parseManifest } from '@mantle/extensions-sdk';
import { manifestPayload, readTarball } from '@mantle/extensions-sdk/package';
import { badRequest, forbidden } from '../errors.js';
import type { KeyRing } from '../keys.js';
import { systemPublisher, type Publisher } from '../publishers.js';
import { checkPackageName, tarballKey } from './names.js';

interface PublishBody {
	name?: unknown;
	versions?: Record<string, Record<string, unknown>>;
	'dist-tags'?: Record<string, unknown>;
	_attachments?: Record<string, { data?: unknown; length?: unknown }>;
}

export interface PublishContext {
	knex: Knex;
	store: StorageDriver;
	keys: KeyRing;
}

/** Keys npm adds to a version document on its way in that are not the package's own. */
const strippedKeys = new Set(['_attachments', '_rev', 'readme', 'readmeFilename', '_nodeVersion', '_npmVersion', '_npmUser', 'gitHead']);

/**
 * `npm publish`: one new version with its tarball. The tarball must match what the document says
 * (name, version, integrity), an extension's `mantle:extension` manifest must validate and name a
 * file the tarball holds, and nobody publishes over another publisher's package or over a version.
 * The registry signs the version: every file's sha256 and the tarball's integrity.
 */
export async function publishVersion({ knex, store, keys }: PublishContext, urlName: string, body: PublishBody, publisher: Publisher): Promise<void> {
	const name = checkPackageName(urlName);
	if (body.name !== name) throw badRequest(`The document names "${String(body.name)}" but was sent to "${name}".`);
	const versions = Object.entries(body.versions ?? {});
	const attachments = Object.values(body._attachments ?? {});
	if (versions.length !== 1 || attachments.length !== 1) throw badRequest('A publish carries exactly one version and its tarball.');
	const [version, document] = versions[0]!;
	if (!semver.valid(version)) throw badRequest(`"${version}" is not a valid semver version.`);
	const data = attachments[0]!.data;
	if (typeof data !== 'string') throw badRequest('The tarball attachment has no data.');
	const tarball = Buffer.from(data, 'base64');
	if (typeof attachments[0]!.length === 'number' && attachments[0]!.length !== tarball.length)
		throw badRequest('The tarball is not as long as its attachment says.');

	const integrity = `sha512-${createHash('sha512').update(tarball).digest('base64')}`;
	const claimed = (document.dist as { integrity?: unknown } | undefined)?.integrity;
	if (typeof claimed === 'string' && claimed !== integrity) throw badRequest(`The tarball's integrity ${integrity} is not the ${claimed} the document claims.`);
	let contents;
	try {
		contents = await readTarball(tarball);
	} catch (error) {
		throw badRequest(`The tarball could not be read: ${(error as Error).message}`);
	}
	if (contents.packageJson.name !== name || contents.packageJson.version !== version) {
		throw badRequest(`The tarball holds ${String(contents.packageJson.name)}@${String(contents.packageJson.version)}, not ${name}@${version}.`);
	}
	if (publisher.name !== systemPublisher) checkExtension(name, contents.packageJson, contents.files);

	const existing = await knex('registry_packages').where({ name }).first('publisher_id');
	if (existing && Number(existing.publisher_id) !== publisher.id) throw forbidden(`You are not a maintainer of "${name}": it belongs to another publisher.`);
	if (await knex('registry_versions').where({ name, version }).first('version')) {
		throw forbidden(`You cannot publish over the previously published version ${name}@${version}.`);
	}

	const key = tarballKey(name, version);
	await store.put(key, Readable.from([tarball]), { contentType: 'application/octet-stream' });
	const signature = keys.sign(manifestPayload({ name, version, integrity, files: contents.files }));
	const cleaned = Object.fromEntries(Object.entries(document).filter(([field]) => !strippedKeys.has(field)));
	const stored = {
		...cleaned,
		_id: `${name}@${version}`,
		name,
		version,
		dist: {
			integrity,
			shasum: createHash('sha1').update(tarball).digest('hex'),
			fileCount: Object.keys(contents.files).length,
			unpackedSize: tarball.length,
			'mantle:files': contents.files,
			'mantle:signature': signature,
		},
	};
	const tags = Object.entries(body['dist-tags'] ?? { latest: version }).filter(([, value]) => value === version);
	await knex.transaction(async (trx) => {
		if (existing) await trx('registry_packages').where({ name }).update({ updated_at: trx.fn.now() });
		else await trx('registry_packages').insert({ name, publisher_id: publisher.id });
		await trx('registry_versions').insert({
			name,
			version,
			document: JSON.stringify(stored),
			readme: contents.readme ?? null,
			integrity,
			tarball_key: key,
			size: tarball.length,
		});
		for (const [tag] of tags.length > 0 ? tags : [['latest', version]]) {
			await trx('registry_dist_tags').where({ name, tag }).delete();
			await trx('registry_dist_tags').insert({ name, tag, version });
		}
	});
}

/** Refuses a package that is not a Mantle extension, saying exactly why. */
function checkExtension(name: string, packageJson: Record<string, unknown>, files: Record<string, string>): void {
	let manifest;
	try {
		manifest = parseManifest(name, packageJson['mantle:extension']);
	} catch (error) {
		if (error instanceof ManifestError) throw badRequest(`${name} is refused: ${error.message}`);
		throw error;
	}
	const source = manifest.source.replace(/^\.\//, '');
	if (manifest.type !== 'bundle' && !files[source])
		throw badRequest(`${name} is refused: its manifest's source "${manifest.source}" is not in the package (was it built before publishing?).`);
}
