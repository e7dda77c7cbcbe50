import type { Knex } from 'knex';
import { coerceDefault, numericLiteral, sqlStringLiteral } from '../../introspection/defaults.js';
import type { RawColumn, RawDefault, RawForeignKey, RawIndex, RawSchema } from '../../introspection/types.js';
import { mysqlFieldType } from './field-types.js';
import { referentialAction } from '../shared-introspect.js';

export interface MysqlCatalog {
	version: string;
	tables: Array<{ table_name: string; table_type: string; table_comment: string }>;
	columns: Array<{
		table_name: string;
		column_name: string;
		data_type: string;
		column_type: string;
		column_default: string | null;
		is_nullable: string;
		character_maximum_length: number | string | null;
		numeric_precision: number | string | null;
		numeric_scale: number | string | null;
		column_key: string;
		extra: string;
		column_comment: string;
	}>;
	foreignKeys: Array<{
		table_name: string;
		column_name: string;
		referenced_table_name: string;
		referenced_column_name: string;
		constraint_name: string;
		update_rule: string;
		delete_rule: string;
	}>;
	indexes: Array<{ table_name: string; index_name: string; non_unique: number | string; seq_in_index: number; column_name: string | null }>;
	checks: Array<{ table_name: string; check_clause: string }>;
}

async function rows<T>(knex: Knex, sql: string): Promise<T[]> {
	const [result] = await knex.raw(sql);
	return result;
}

/** Five reads of information_schema for the current database, whatever the number of tables. */
export async function queryCatalog(knex: Knex): Promise<MysqlCatalog> {
	const [[{ version }], tables, columns, foreignKeys, indexes] = await Promise.all([
		rows<{ version: string }>(knex, 'select version() as version'),
		rows<MysqlCatalog['tables'][number]>(
			knex,
			`select table_name as table_name, table_type as table_type, table_comment as table_comment
			 from information_schema.tables where table_schema = database() order by table_name`,
		),
		rows<MysqlCatalog['columns'][number]>(
			knex,
			`select table_name as table_name, column_name as column_name, data_type as data_type, column_type as column_type,
			   column_default as column_default, is_nullable as is_nullable, character_maximum_length as character_maximum_length,
			   numeric_precision as numeric_precision, numeric_scale as numeric_scale, column_key as column_key, extra as extra,
			   column_comment as column_comment
			 from information_schema.columns where table_schema = database() order by table_name, ordinal_position`,
		),
		rows<MysqlCatalog['foreignKeys'][number]>(
			knex,
			`select k.table_name as table_name, k.column_name as column_name, k.referenced_table_name as referenced_table_name,
			   k.referenced_column_name as referenced_column_name, k.constraint_name as constraint_name,
			   r.update_rule as update_rule, r.delete_rule as delete_rule
			 from information_schema.key_column_usage k
			 join information_schema.referential_constraints r
			   on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name and r.table_name = k.table_name
			 where k.table_schema = database() and k.referenced_table_name is not null
			 order by k.table_name, k.constraint_name, k.ordinal_position`,
		),
		rows<MysqlCatalog['indexes'][number]>(
			knex,
			`select table_name as table_name, index_name as index_name, non_unique as non_unique, seq_in_index as seq_in_index,
			   column_name as column_name
			 from information_schema.statistics where table_schema = database() order by table_name, index_name, seq_in_index`,
		),
	]);
	return { version, tables, columns, foreignKeys, indexes, checks: await checkConstraints(knex) };
}

async function checkConstraints(knex: Knex): Promise<MysqlCatalog['checks']> {
	try {
		return await rows(
			knex,
			`select table_name as table_name, check_clause as check_clause from information_schema.check_constraints where constraint_schema = database()`,
		);
	} catch {
		// MySQL before 8.0.16 has no check constraints (and MySQL's own JSON type needs none).
		return [];
	}
}

const nowFunctions: Record<string, string> = {
	current_timestamp: 'CURRENT_TIMESTAMP',
	'current_timestamp()': 'CURRENT_TIMESTAMP',
	'now()': 'CURRENT_TIMESTAMP',
	localtimestamp: 'CURRENT_TIMESTAMP',
	'localtimestamp()': 'CURRENT_TIMESTAMP',
	current_date: 'CURRENT_DATE',
	'current_date()': 'CURRENT_DATE',
	'curdate()': 'CURRENT_DATE',
	current_time: 'CURRENT_TIME',
	'current_time()': 'CURRENT_TIME',
	'curtime()': 'CURRENT_TIME',
};

/**
 * MariaDB (10.2.7 on) reports defaults as SQL: `'draft'`, `NULL`, `current_timestamp()`.
 * MySQL reports literals bare (`draft`) and flags expressions with DEFAULT_GENERATED.
 */
export function parseDefault(text: string | null, mariadb: boolean, extra = ''): RawDefault {
	if (text === null) return null;
	const now = nowFunctions[text.toLowerCase().replace(/\(\d+\)$/, '()')];
	if (now) return now;
	if (mariadb) {
		if (text === 'NULL') return null;
		return sqlStringLiteral(text) ?? numericLiteral(text) ?? text;
	}
	if (/DEFAULT_GENERATED/i.test(extra)) return text.replace(/^\((.*)\)$/s, '$1');
	return text;
}

const toNumber = (value: number | string | null) => (value === null ? null : Number(value));

export function buildSchema(catalog: MysqlCatalog): RawSchema {
	const mariadb = /mariadb/i.test(catalog.version);
	const baseTables = new Set(catalog.tables.filter((table) => table.table_type === 'BASE TABLE').map((table) => table.table_name));

	const indexes = new Map<string, RawIndex>();
	for (const row of catalog.indexes) {
		const key = `${row.table_name}\u0000${row.index_name}`;
		let index = indexes.get(key);
		if (!index) {
			index = { table: row.table_name, name: row.index_name, columns: [], unique: Number(row.non_unique) === 0, primary: row.index_name === 'PRIMARY' };
			indexes.set(key, index);
		}
		if (row.column_name !== null) index.columns.push(row.column_name);
	}
	const unique = new Set(
		[...indexes.values()].filter((index) => index.unique && index.columns.length === 1).map((index) => `${index.table}\u0000${index.columns[0]}`),
	);
	const jsonChecked = new Set<string>();
	for (const check of catalog.checks) {
		const match = /json_valid\(\s*`?([^`)]+)`?\s*\)/i.exec(check.check_clause);
		if (match) jsonChecked.add(`${check.table_name}\u0000${match[1]}`);
	}

	const columns = catalog.columns
		.filter((row) => baseTables.has(row.table_name))
		.map((row) => {
			const columnType = row.column_type.toLowerCase();
			const key = `${row.table_name}\u0000${row.column_name}`;
			const column: RawColumn = {
				table: row.table_name,
				name: row.column_name,
				// The display width is dropped except on tinyint(1): MySQL has no boolean type and that width is how one is marked.
				dataType: /^tinyint\(1\)/.test(columnType) ? 'tinyint(1)' : row.data_type.toLowerCase(),
				defaultValue: parseDefault(row.column_default, mariadb, row.extra),
				isNullable: row.is_nullable === 'YES',
				maxLength: toNumber(row.character_maximum_length),
				numericPrecision: toNumber(row.numeric_precision),
				numericScale: toNumber(row.numeric_scale),
				isPrimaryKey: row.column_key === 'PRI',
				hasAutoIncrement: /auto_increment/i.test(row.extra),
				isUnique: unique.has(key),
			};
			if (jsonChecked.has(key)) column.hasJsonCheck = true;
			if (row.column_comment) column.comment = row.column_comment;
			column.defaultValue = coerceDefault(column.defaultValue, mysqlFieldType(column));
			return column;
		});

	const foreignKeys: RawForeignKey[] = catalog.foreignKeys.map((row) => ({
		table: row.table_name,
		column: row.column_name,
		foreignKeyTable: row.referenced_table_name,
		foreignKeyColumn: row.referenced_column_name,
		constraintName: row.constraint_name,
		onDelete: referentialAction(row.delete_rule),
		onUpdate: referentialAction(row.update_rule),
	}));

	return {
		tables: catalog.tables
			.filter((table) => baseTables.has(table.table_name))
			.map((table) => ({
				name: table.table_name,
				...(table.table_comment ? { comment: table.table_comment } : {}),
			})),
		columns,
		foreignKeys,
		indexes: [...indexes.values()],
		views: catalog.tables.filter((table) => table.table_type === 'VIEW').map((table) => table.table_name),
	};
}

export async function introspect(knex: Knex): Promise<RawSchema> {
	return buildSchema(await queryCatalog(knex));
}
