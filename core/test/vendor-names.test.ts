import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import test from 'ava';

const source = fileURLToPath(new URL('../src/', import.meta.url));
const dialects = path.join(source, 'database', 'dialects');

const vendorNames = ['pg', 'postgres', 'postgresql', 'mysql', 'mysql2', 'mariadb', 'sqlite', 'sqlite3', 'better-sqlite3', 'mssql', 'oracle', 'oracledb'];
const name = `['"\`](?:${vendorNames.join('|')})['"\`]`;

/** A vendor name compared with something: `=== 'pg'`, `'mssql' !==`, `case 'mysql':`, `['sqlite3', …].includes(x)`. */
const comparisons = [
	new RegExp(`[!=]==?\\s*${name}`),
	new RegExp(`${name}\\s*[!=]==?`),
	new RegExp(`\\bcase\\s+${name}\\s*:`),
	new RegExp(`\\[\\s*${name}(?:\\s*,\\s*${name})*\\s*\\]\\s*\\.(?:includes|indexOf)\\(`),
];

function vendorComparisons(root: string, skip: string): string[] {
	const found: string[] = [];
	for (const entry of readdirSync(root, { recursive: true, withFileTypes: true })) {
		const file = path.join(entry.parentPath, entry.name);
		if (!entry.isFile() || !file.endsWith('.ts') || file.startsWith(skip + path.sep)) continue;
		readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, index) => {
				if (comparisons.some((pattern) => pattern.test(line))) found.push(`${path.relative(root, file)}:${index + 1}: ${line.trim()}`);
			});
	}
	return found;
}

test('no code outside database/dialects compares a vendor or client name', (t) => {
	t.deepEqual(vendorComparisons(source, dialects), []);
});

test('the vendor check recognises a comparison, a switch case and a list lookup', (t) => {
	const lines = [
		`if (client === 'pg') x();`,
		`if ('mssql' !== vendor) y();`,
		`\tcase 'oracledb':`,
		`const lite = ['sqlite3', 'better-sqlite3'].includes(client);`,
	];
	for (const line of lines)
		t.true(
			comparisons.some((pattern) => pattern.test(line)),
			line,
		);
	t.false(comparisons.some((pattern) => pattern.test(`const clients = ['sqlite3', 'pg'] as const;`)));
});
