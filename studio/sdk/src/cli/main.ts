// mantle-client: the Mantle API from a terminal, over @mantle/sdk.
import { MantleError } from '../errors.js';
import { AuthRequiredError, exitCodeOf, UsageError } from './context.js';
import { extensions, extensionsUsage } from './commands/extensions.js';
import { files, filesUsage } from './commands/files.js';
import { flows, flowsUsage } from './commands/flows.js';
import { items, itemsUsage } from './commands/items.js';
import { login, logout } from './commands/login.js';
import { schema, schemaUsage } from './commands/schema.js';
import { users, usersUsage } from './commands/users.js';

const usage = `Usage: mantle-client <command> [options]

mantle-client login URL [--email E --password P | --token T]   (asks on a terminal when neither is given)
mantle-client logout
${itemsUsage}
${filesUsage}
${schemaUsage}
${extensionsUsage}
${usersUsage}
${flowsUsage}

Every command takes --json (output for scripts) and --profile NAME (several sign-ins).
Exit codes: 0 done, 1 failed, 2 usage, 3 not signed in or refused, 4 not found or forbidden.`;

const commands: Record<string, (args: string[]) => Promise<void>> = { login, logout, items, files, schema, extensions, users, flows };

async function main(argv: string[]): Promise<number> {
	const [name, ...args] = argv;
	if (!name || name === 'help' || name === '--help' || name === '-h') {
		process.stdout.write(`${usage}\n`);
		return name ? 0 : 2;
	}
	const run = commands[name];
	if (!run) throw new UsageError(`Unknown command "${name}".\n\n${usage}`);
	if (args.includes('--help') || args.includes('-h')) {
		process.stdout.write(`${usage}\n`);
		return 0;
	}
	await run(args);
	return 0;
}

main(process.argv.slice(2)).then(
	(code) => (process.exitCode = code),
	(error: unknown) => {
		const code = exitCodeOf(error);
		const json = process.argv.includes('--json');
		const message = error instanceof Error ? error.message : String(error);
		if (json) {
			const detail =
				error instanceof MantleError
					? { code: error.code, status: error.status, field: error.field, message }
					: { code: error instanceof UsageError ? 'USAGE' : error instanceof AuthRequiredError ? 'NOT_SIGNED_IN' : 'ERROR', message };
			process.stderr.write(`${JSON.stringify({ error: detail })}\n`);
		} else {
			process.stderr.write(`mantle-client: ${message}${error instanceof MantleError ? ` (${error.code})` : ''}\n`);
		}
		process.exitCode = code;
	},
);
