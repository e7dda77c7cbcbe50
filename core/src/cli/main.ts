import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { MantleError } from '../errors/index.js';
import { kernelVersion } from '../version.js';
import { CommandError } from './context.js';

type Register = (program: Command) => void;

/**
 * Each command's module, loaded only when it is the one asked for: `mantle start` need not load
 * what `schema apply` or `extensions install` use, and every module loaded delays the first
 * request. Help, a version or an unknown name load them all, so the listing stays complete.
 */
const commands: Record<string, () => Promise<Register>> = {
	init: async () => (await import('./commands/init.js')).registerInit,
	bootstrap: async () => (await import('./commands/bootstrap.js')).registerBootstrap,
	start: async () => (await import('./commands/start.js')).registerStart,
	migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
	users: async () => (await import('./commands/users.js')).registerUsers,
	schema: async () => (await import('./commands/schema.js')).registerSchema,
	extensions: async () => (await import('./commands/extensions.js')).registerExtensions,
	uninstall: async () => (await import('./commands/uninstall.js')).registerUninstall,
};

const program = new Command('mantle').version(kernelVersion).description('The Mantle server CLI.').exitOverride();
const named = process.argv[2];
const wanted = named !== undefined && Object.hasOwn(commands, named) ? [commands[named]!] : Object.values(commands);
for (const register of await Promise.all(wanted.map((load) => load()))) register(program);

try {
	await program.parseAsync(process.argv);
} catch (error) {
	if (error instanceof CommanderError) process.exit(error.exitCode);
	// Expected failures print one plain line; anything else is a bug and keeps its stack.
	if (error instanceof ConfigError || error instanceof CommandError || error instanceof MantleError) console.error(error.message);
	else console.error(error);
	process.exit(1);
}
