import path from 'node:path';
import { Command, Option } from 'commander';
import { extensionTypes } from '../manifest.js';
import { buildExtension } from './build.js';
import { createExtension } from './create.js';
import { CliError } from './errors.js';
import { linkExtension } from './link.js';
import { sdkVersion } from './package-info.js';
import { validateExtension } from './validate.js';

const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

/** Prints a user's problem without a stack trace; anything else is a bug and keeps its stack. */
async function run(action: () => Promise<void> | void): Promise<void> {
	try {
		await action();
	} catch (error) {
		if (!(error instanceof CliError)) throw error;
		for (const problem of error.problems) err(problem);
		process.exitCode = 1;
	}
}

const program = new Command('mantle-extension').description('Create, build, validate and link Mantle extensions.').version(sdkVersion()).showHelpAfterError();

program
	.command('create')
	.description(`scaffold an extension package (${extensionTypes.join(', ')})`)
	.argument('<type>', 'the extension type')
	.argument('<name>', 'the npm package name, e.g. mantle-extension-hello or @acme/hello')
	.option('--dir <path>', 'the folder to create (default: ./<name without scope or prefix>)')
	.addOption(new Option('--language <language>', 'the source language').choices(['ts', 'js']).default('ts'))
	.action((type: string, name: string, options: { dir?: string; language: 'ts' | 'js' }) =>
		run(() => {
			const folder = createExtension(type, name, options);
			out(`created ${type} extension ${name} in ${folder}`);
			out(`next: cd ${path.relative(process.cwd(), folder) || '.'} && mantle-extension build`);
		}),
	);

program
	.command('build')
	.description('bundle the extension into the module its manifest names')
	.option('--watch', 'rebuild on every change')
	.action((options: { watch?: boolean }) =>
		run(async () => void (await buildExtension(process.cwd(), { watch: options.watch === true, report: out, complain: err }))),
	);

program
	.command('validate')
	.description('check the manifest, the built files and their imports')
	.action(() =>
		run(async () => {
			const problems = await validateExtension(process.cwd());
			if (problems.length > 0) throw new CliError(problems);
			out('the extension is valid');
		}),
	);

program
	.command('link')
	.description("put this extension into an instance's EXTENSIONS_PATH under its package name")
	.argument('<extensions-path>', "the instance's EXTENSIONS_PATH")
	.option('--copy', 'copy the files instead of linking them')
	.option('--force', 'replace a folder of the same name that link did not make')
	.action((extensionsPath: string, options: { copy?: boolean; force?: boolean }) =>
		run(async () => {
			const target = await linkExtension(process.cwd(), extensionsPath, options);
			out(`${options.copy ? 'copied' : 'linked'} into ${target}; reload the instance's extensions to load it`);
		}),
	);

await program.parseAsync(process.argv);
