import { parseArgs } from 'node:util';
import { loadRegistryConfig, RegistryConfigError } from './config.js';
import { connectRegistryDatabase } from './db/connect.js';
import { migrateRegistry } from './db/migrate.js';
import { RegistryError } from './errors.js';
import { KeyRing } from './keys.js';
import { Publishers } from './publishers.js';
import { publishOwnPackages } from './seed.js';
import { createRegistry } from './server.js';
import path from 'node:path';

const usage = `usage: mantle-registry <command>
  start                          serve the registry (REGISTRY_PORT, REGISTRY_HOST, REGISTRY_DATA)
  token create NAME [--verified] print a new publish token for publisher NAME (created if new)
  keys                           print the public keys as EXTENSIONS_REGISTRY_KEYS takes them
  keys rotate                    make a new signing key; older ones keep verifying`;

async function main(argv: string[]): Promise<number> {
	const { positionals, values } = parseArgs({
		args: argv,
		allowPositionals: true,
		options: { verified: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
	});
	const [command, sub, name] = positionals;
	if (values.help || !command) {
		console.log(usage);
		return command ? 0 : 2;
	}
	const config = loadRegistryConfig();
	if (command === 'start') {
		const registry = await createRegistry(config);
		await registry.start();
		await publishOwnPackages(registry, (line) => console.log(line));
		console.log(`Mantle registry listening on ${registry.url}`);
		for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void registry.stop().then(() => process.exit(0)));
		return -1;
	}
	if (command === 'token' && sub === 'create' && name) {
		const knex = connectRegistryDatabase(config.database);
		try {
			await migrateRegistry(knex);
			const publishers = new Publishers(knex);
			console.log(await publishers.issueToken(await publishers.ensure(name, values.verified || undefined)));
		} finally {
			await knex.destroy();
		}
		return 0;
	}
	if (command === 'keys') {
		const ring = new KeyRing(path.join(config.dataDir, 'keys'));
		ring.load();
		if (sub === 'rotate') ring.rotate();
		console.log(
			`EXTENSIONS_REGISTRY_KEYS=${ring
				.list()
				.map((key) => key.publicKey)
				.join(',')}`,
		);
		return 0;
	}
	console.error(usage);
	return 2;
}

main(process.argv.slice(2)).then(
	(code) => {
		if (code >= 0) process.exit(code);
	},
	(error: unknown) => {
		const known = error instanceof RegistryConfigError || error instanceof RegistryError;
		console.error(known ? (error as Error).message : error);
		process.exit(1);
	},
);
