import type { Command } from 'commander';
import { loadConfig } from '../../config/index.js';
import { createLogger } from '../../logger.js';
import { connectDatabase } from '../../database/connect.js';
import { bootstrap } from '../../database/bootstrap.js';
import { describeBootstrap } from './bootstrap.js';
import { holdHeapGrowth } from '../heap-growth.js';

export function registerStart(program: Command): void {
	program
		.command('start')
		.description('bootstrap if needed, then serve the API')
		.action(async () => {
			// The kernel's modules load while the system tables are checked, each filling the other's waits
			// on the disk; a failure to load is thrown where the kernel is created, after the tables.
			const kernelModule = import('../../kernel.js');
			kernelModule.catch(() => undefined);
			const config = loadConfig();
			holdHeapGrowth(config.heapGrowthPercent);
			const logger = createLogger(config.logLevel);
			if (config.secretGenerated) logger.warn('SECRET is not set: a random one is used, so tokens stop working when the process restarts.');

			const setup = connectDatabase(config.database);
			try {
				const result = await bootstrap(setup.knex, { admin: config.admin });
				if (result.migrationsApplied.length || result.adminCreated) for (const line of describeBootstrap(result)) console.log(line);
			} finally {
				await setup.close();
			}

			const { createKernel } = await kernelModule;
			const kernel = await createKernel(config, logger);
			await kernel.start();
			for (const failed of kernel.extensions.list().filter((e) => e.status === 'failed'))
				console.log(`Extension ${failed.name} was not loaded: ${failed.error}`);
			console.log(`Mantle is listening on ${config.publicUrl}`);

			const shutdown = (signal: string) => {
				logger.info({ signal }, 'shutting down: finishing requests in flight');
				kernel.stop().then(
					() => process.exit(0),
					(error: unknown) => {
						logger.error({ err: error }, 'shutdown failed');
						process.exit(1);
					},
				);
			};
			process.once('SIGTERM', shutdown);
			process.once('SIGINT', shutdown);
		});
}
