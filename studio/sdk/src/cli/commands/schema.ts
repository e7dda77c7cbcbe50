import { readFileSync, writeFileSync } from 'node:fs';
import { schemaApply, schemaDiff, schemaSnapshot, type SchemaDiff, type SchemaSnapshot } from '../../commands/schema.js';
import { contextFor, parse, required, UsageError } from '../context.js';

export const schemaUsage = `mantle-client schema snapshot [--output FILE]
mantle-client schema diff FILE [--force]
mantle-client schema apply FILE [--force]`;

function readSnapshot(file: string): SchemaSnapshot {
	try {
		return JSON.parse(readFileSync(file, 'utf8')) as SchemaSnapshot;
	} catch (error) {
		throw new UsageError(`${file} is not a readable JSON snapshot: ${(error as Error).message}`);
	}
}

/** A person's summary of a diff: each collection, field and relation that would change. */
function describe(diff: SchemaDiff): string {
	const lines: string[] = [];
	for (const [kind, entries] of Object.entries(diff.diff)) {
		if (!Array.isArray(entries)) continue;
		for (const entry of entries as Array<Record<string, unknown>>) {
			const name = [entry.collection, entry.field].filter(Boolean).join('.');
			const changes = Array.isArray(entry.diff) ? (entry.diff as Array<{ kind?: string }>) : [];
			const verb = changes[0]?.kind === 'N' ? 'create' : changes[0]?.kind === 'D' ? 'delete' : 'update';
			lines.push(`${verb.padEnd(7)} ${kind.replace(/s$/, '')} ${name}`);
		}
	}
	return lines.length > 0 ? lines.join('\n') : 'No differences.';
}

export async function schema(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } });
	const ctx = contextFor(values);
	const [action, file] = positionals;
	const out = ctx.output;
	if (action === 'snapshot') {
		const snapshot = await ctx.client().request(schemaSnapshot());
		if (values.output) {
			writeFileSync(values.output, `${JSON.stringify(snapshot, null, 2)}\n`);
			out.print({ path: values.output }, () => `Wrote ${values.output}.`);
		} else {
			process.stdout.write(`${JSON.stringify(snapshot, null, 2)}\n`);
		}
		return;
	}
	if (action === 'diff' || action === 'apply') {
		const snapshot = readSnapshot(required(file, 'the snapshot file'));
		const client = ctx.client();
		const diff = await client.request(schemaDiff(snapshot, values.force));
		if (action === 'diff' || !diff) {
			out.print(diff, () => (diff ? describe(diff) : 'No differences.'));
			return;
		}
		await client.request(schemaApply(diff));
		out.print({ applied: true, diff }, () => `${describe(diff)}\nApplied.`);
		return;
	}
	throw new UsageError(`Usage:\n${schemaUsage}`);
}
