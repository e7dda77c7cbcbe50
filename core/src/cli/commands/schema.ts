import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { SchemaStore } from '../../schema/schema-store.js';
import type { SchemaContext } from '../../schema/operations/context.js';
import { applyDiff } from '../../schema/snapshot/apply.js';
import { diffAgainst, isEmptyDiff } from '../../schema/snapshot/diff.js';
import { takeSnapshot } from '../../schema/snapshot/take.js';
import type { Database } from '../../database/connect.js';
import type { Config } from '../../config/index.js';
import { CommandError, withDatabase } from '../context.js';
import { confirm } from '../prompt.js';

type Format = 'json' | 'yaml';

/** `--format` when given, else the file's extension; YAML by default, as Directus writes snapshots. */
function formatOf(file: string | undefined, option: string | undefined): Format {
	const format = option ?? (file && path.extname(file).toLowerCase() === '.json' ? 'json' : 'yaml');
	if (format !== 'json' && format !== 'yaml') throw new CommandError(`--format must be "json" or "yaml" (got "${format}").`);
	return format;
}

/** The schema operations, bound to the configured database, as the kernel binds them. */
async function schemaContext({ knex, dialect }: Database, config: Config): Promise<SchemaContext> {
	if (!(await knex.schema.hasTable('mantle_collections')))
		throw new CommandError('This database has no Mantle system tables yet; run `mantle bootstrap` first.');
	return { knex, dialect, store: new SchemaStore(knex, dialect, config.database.searchPath) };
}

/** The YAML library, loaded by the commands that read or write YAML rather than by every command. */
const yaml = () => import('yaml');

async function readSnapshotFile(file: string): Promise<unknown> {
	let text: string;
	try {
		text = readFileSync(file, 'utf8');
	} catch {
		throw new CommandError(`Cannot read ${file}.`);
	}
	const { parse } = await yaml();
	try {
		return parse(text);
	} catch (error) {
		throw new CommandError(`${file} is neither JSON nor YAML: ${(error as Error).message}`);
	}
}

export function registerSchema(program: Command): void {
	const schema = program.command('schema').description('write the data model to a snapshot file, or make the database match one');
	schema
		.command('snapshot [file]')
		.description('write a snapshot of the data model to FILE (or to stdout)')
		.option('--format <format>', 'json or yaml (default: from the file name, else yaml)')
		.action((file: string | undefined, options: { format?: string }) =>
			withDatabase(async (database, config) => {
				const format = formatOf(file, options.format);
				const snapshot = takeSnapshot(await (await schemaContext(database, config)).store.get());
				const text = format === 'json' ? `${JSON.stringify(snapshot, null, 2)}\n` : (await yaml()).stringify(snapshot);
				if (!file) return void process.stdout.write(text);
				writeFileSync(file, text);
				console.log(
					`Wrote a snapshot of ${snapshot.collections.length} collections, ${snapshot.fields.length} fields and ${snapshot.relations.length} relations to ${file}.`,
				);
			}),
		);
	schema
		.command('apply <file>')
		.description('change the data model to match the snapshot in FILE')
		.option('--dry-run', 'list the changes and make none')
		.option('--yes', 'do not ask for confirmation')
		.option('--force', 'accept a snapshot taken by a newer major version')
		.action((file: string, options: { dryRun?: boolean; yes?: boolean; force?: boolean }) =>
			withDatabase(async (database, config) => {
				const snapshot = await readSnapshotFile(file);
				const context = await schemaContext(database, config);
				const diff = diffAgainst(await context.store.get(), snapshot, { force: options.force });
				if (isEmptyDiff(diff.diff)) return void console.log(`The data model already matches ${file}. Nothing to do.`);
				const steps = await applyDiff(context, diff, { dryRun: true });
				for (const step of steps) console.log(`  ${step.description}`);
				if (options.dryRun) return void console.log(`Dry run: ${steps.length} changes listed, nothing was changed.`);
				if (!options.yes && !(await confirm(`Apply these ${steps.length} changes?`))) return void console.log('Nothing was changed.');
				await applyDiff(context, diff);
				console.log(`Applied ${steps.length} changes.`);
			}),
		);
}
