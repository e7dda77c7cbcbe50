import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/index.js';
import { MantleError } from '../errors/index.js';
import { kernelVersion } from '../version.js';
import { CommandError } from './context.js';
import { registerInit } from './commands/init.js';
import { registerBootstrap } from './commands/bootstrap.js';
import { registerStart } from './commands/start.js';
import { registerMigrate } from './commands/migrate.js';
import { registerUsers } from './commands/users.js';
import { registerUninstall } from './commands/uninstall.js';
import { registerSchema } from './commands/schema.js';
import { registerExtensions } from './commands/extensions.js';

const program = new Command('mantle').version(kernelVersion).description('The Mantle server CLI.').exitOverride();
for (const register of [registerInit, registerBootstrap, registerStart, registerMigrate, registerUsers, registerSchema, registerExtensions, registerUninstall])
	register(program);

try {
	await program.parseAsync(process.argv);
} catch (error) {
	if (error instanceof CommanderError) process.exit(error.exitCode);
	// Expected failures print one plain line; anything else is a bug and keeps its stack.
	if (error instanceof ConfigError || error instanceof CommandError || error instanceof MantleError) console.error(error.message);
	else console.error(error);
	process.exit(1);
}
