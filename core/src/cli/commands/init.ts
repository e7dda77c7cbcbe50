import { randomBytes } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig, type DatabaseClient } from '../../config/index.js';
import { dialectFor } from '../../database/dialects/index.js';
import { CommandError } from '../context.js';
import { createPrompter } from '../prompt.js';

interface InitOptions {
	dbClient?: string;
	dbFilename?: string;
	dbHost?: string;
	dbPort?: string;
	dbDatabase?: string;
	dbUser?: string;
	dbPassword?: string;
	adminEmail?: string;
	adminPassword?: string;
	port?: string;
	yes?: boolean;
	force?: boolean;
	interactive?: boolean;
}

/** Which flag holds which variable, in the order they are asked and written. */
const questions: Array<{ variable: string; option: keyof InitOptions; question: string; fallback?: string; networkOnly?: boolean; sqliteOnly?: boolean }> = [
	{ variable: 'DB_CLIENT', option: 'dbClient', question: 'Database client (sqlite3, pg, mysql, mssql, oracledb)', fallback: 'sqlite3' },
	{ variable: 'DB_FILENAME', option: 'dbFilename', question: 'SQLite file', fallback: './data/mantle.db', sqliteOnly: true },
	{ variable: 'DB_HOST', option: 'dbHost', question: 'Database host', fallback: '127.0.0.1', networkOnly: true },
	{ variable: 'DB_PORT', option: 'dbPort', question: 'Database port', networkOnly: true },
	{ variable: 'DB_DATABASE', option: 'dbDatabase', question: 'Database name', fallback: 'mantle', networkOnly: true },
	{ variable: 'DB_USER', option: 'dbUser', question: 'Database user', networkOnly: true },
	{ variable: 'DB_PASSWORD', option: 'dbPassword', question: 'Database password', networkOnly: true },
	{ variable: 'PORT', option: 'port', question: 'HTTP port', fallback: '8055' },
	{ variable: 'ADMIN_EMAIL', option: 'adminEmail', question: 'First admin e-mail', fallback: 'admin@example.com' },
	{ variable: 'ADMIN_PASSWORD', option: 'adminPassword', question: 'First admin password (empty: generate one at bootstrap)' },
];

export function registerInit(program: Command): void {
	program
		.command('init')
		.description('write a .env for this folder, asking for each value or taking them from flags')
		.option('--db-client <client>')
		.option('--db-filename <file>')
		.option('--db-host <host>')
		.option('--db-port <port>')
		.option('--db-database <name>')
		.option('--db-user <user>')
		.option('--db-password <password>')
		.option('--admin-email <email>')
		.option('--admin-password <password>')
		.option('--port <port>')
		.option('--yes', 'do not ask: take flags, then defaults')
		.option('--interactive', 'ask even when standard input is not a terminal (answers piped in)')
		.option('--force', 'overwrite an existing .env')
		.action(async (options: InitOptions) => {
			const file = path.resolve('.env');
			if (existsSync(file) && !options.force) throw new CommandError(`${file} already exists; pass --force to overwrite it.`);
			const interactive = !options.yes && (process.stdin.isTTY === true || options.interactive === true);
			const values: Record<string, string> = {};
			const prompter = interactive ? createPrompter() : undefined;
			try {
				for (const q of questions) {
					const sqlite = dialectFor((values.DB_CLIENT ?? 'sqlite3') as DatabaseClient)?.embedded === true;
					if ((q.networkOnly && sqlite) || (q.sqliteOnly && !sqlite)) continue;
					const given = options[q.option] as string | undefined;
					const value = given ?? (prompter ? await prompter.ask(q.question, q.fallback) : q.fallback);
					if (value) values[q.variable] = value;
				}
			} finally {
				prompter?.close();
			}
			values.SECRET = randomBytes(32).toString('base64url');
			// Validate exactly what will be written, so init never leaves a .env that cannot start.
			loadConfig({ env: values, cwd: path.dirname(file) });
			writeFileSync(
				file,
				Object.entries(values)
					.map(([key, value]) => `${key}=${JSON.stringify(value)}`)
					.join('\n') + '\n',
				{ mode: 0o600 },
			);
			console.log(`Wrote ${file}. Next: mantle bootstrap, then mantle start.`);
		});
}
