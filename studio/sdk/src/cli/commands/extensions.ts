import { installExtension, readExtensions, uninstallExtension } from '../../commands/extensions.js';
import { contextFor, parse, required, UsageError } from '../context.js';
import { record, table } from '../output.js';

export const extensionsUsage = `mantle-client extensions list
mantle-client extensions install NAME[@VERSION]
mantle-client extensions remove ID`;

/** `@scope/name@1.2.0` into its name and version (a leading `@` is the scope's). */
function nameAndVersion(spec: string): [string, string | undefined] {
	const at = spec.lastIndexOf('@');
	return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, undefined];
}

export async function extensions(args: string[]): Promise<void> {
	const { values, positionals } = parse(args, {});
	const ctx = contextFor(values);
	const [action, target] = positionals;
	const out = ctx.output;
	if (action === 'list') {
		const rows = await ctx.client().request(readExtensions());
		out.print(rows, () =>
			table(
				rows.map((row) => ({
					name: row.name ?? row.schema?.name ?? row.id,
					type: row.schema?.type ?? row.type,
					version: row.schema?.version ?? row.version,
					enabled: row.meta?.enabled ?? row.enabled,
					sandboxed: row.schema?.sandbox?.enabled ?? row.sandboxed,
				})),
			),
		);
		return;
	}
	if (action === 'install') {
		const [name, version] = nameAndVersion(required(target, 'the extension to install'));
		const installed = await ctx.client().request(installExtension(name, version));
		out.print(installed, () => (installed && typeof installed === 'object' ? record(installed) : `Installed ${name}.`));
		return;
	}
	if (action === 'remove') {
		const id = required(target, 'the extension to remove');
		await ctx.client().request(uninstallExtension(id));
		out.print({ removed: id }, () => `Removed ${id}.`);
		return;
	}
	throw new UsageError(`Usage:\n${extensionsUsage}`);
}
