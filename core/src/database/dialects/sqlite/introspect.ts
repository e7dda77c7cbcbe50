import type { Knex } from 'knex';
import { coerceDefault, numericLiteral, sqlStringLiteral, stripParentheses } from '../../introspection/defaults.js';
import { parseTypeName } from '../../introspection/type-name.js';
import type { RawColumn, RawDefault, RawForeignKey, RawIndex, RawSchema } from '../../introspection/types.js';
import { sqliteFieldType } from './field-types.js';
import { referentialAction } from '../shared-introspect.js';

export interface SqliteCatalog {
	objects: Array<{ type: 'table' | 'view'; name: string }>;
	columns: Array<{ table_name: string; cid: number; name: string; type: string; notnull: number; dflt_value: string | null; pk: number; hidden: number }>;
	foreignKeys: Array<{ table_name: string; id: number; seq: number; table: string; from: string; to: string | null; on_update: string; on_delete: string }>;
	indexes: Array<{
		table_name: string;
		index_name: string;
		unique: number;
		origin: 'c' | 'u' | 'pk';
		partial: number;
		seqno: number;
		column_name: string | null;
	}>;
}

// The pragma table functions join against sqlite_master, so four statements read every table at once.
const everyTable = (joins: string) => `sqlite_master m ${joins} where m.type = 'table' and m.name not like 'sqlite\\_%' escape '\\'`;

export async function queryCatalog(knex: Knex): Promise<SqliteCatalog> {
	const objects = await knex.raw(
		`select type, name from sqlite_master where type in ('table', 'view') and name not like 'sqlite\\_%' escape '\\' order by name`,
	);
	const columns = await knex.raw(
		`select m.name as table_name, p.cid, p.name, p.type, p."notnull", p.dflt_value, p.pk, p.hidden
		 from ${everyTable('join pragma_table_xinfo(m.name) p')} order by m.name, p.cid`,
	);
	const foreignKeys = await knex.raw(
		`select m.name as table_name, f.id, f.seq, f."table", f."from", f."to", f.on_update, f.on_delete
		 from ${everyTable('join pragma_foreign_key_list(m.name) f')} order by m.name, f.id, f.seq`,
	);
	const indexes = await knex.raw(
		`select m.name as table_name, l.name as index_name, l."unique", l.origin, l.partial, i.seqno, i.name as column_name
		 from ${everyTable('join pragma_index_list(m.name) l join pragma_index_info(l.name) i')}
		 order by m.name, l.name, i.seqno`,
	);
	return { objects, columns, foreignKeys, indexes };
}

export function parseDefault(text: string | null): RawDefault {
	if (text === null) return null;
	const expression = stripParentheses(text);
	const upper = expression.toUpperCase();
	if (upper === 'NULL') return null;
	if (upper === 'TRUE' || upper === 'FALSE') return upper === 'TRUE';
	if (upper === 'CURRENT_TIMESTAMP' || upper === 'CURRENT_DATE' || upper === 'CURRENT_TIME') return upper;
	if (/^datetime\(\s*'now'\s*\)$/i.test(expression)) return 'CURRENT_TIMESTAMP';
	return sqlStringLiteral(expression) ?? numericLiteral(expression) ?? expression;
}

export function buildSchema(catalog: SqliteCatalog): RawSchema {
	const indexes = new Map<string, RawIndex>();
	for (const row of catalog.indexes) {
		const key = `${row.table_name}\u0000${row.index_name}`;
		let index = indexes.get(key);
		if (!index) {
			index = { table: row.table_name, name: row.index_name, columns: [], unique: row.unique === 1, primary: row.origin === 'pk' };
			indexes.set(key, index);
		}
		if (row.column_name !== null) index.columns.push(row.column_name);
	}
	const partial = new Set(catalog.indexes.filter((row) => row.partial === 1).map((row) => `${row.table_name}\u0000${row.index_name}`));
	const uniqueColumns = new Set(
		[...indexes.entries()]
			.filter(([key, index]) => index.unique && index.columns.length === 1 && !partial.has(key))
			.map(([, index]) => `${index.table}\u0000${index.columns[0]}`),
	);

	const primaryKeyCount = new Map<string, number>();
	for (const row of catalog.columns) if (row.pk > 0) primaryKeyCount.set(row.table_name, (primaryKeyCount.get(row.table_name) ?? 0) + 1);

	// hidden = 1 marks the hidden columns of virtual tables, which are not part of the data.
	const columns: RawColumn[] = catalog.columns
		.filter((row) => row.hidden !== 1)
		.map((row) => {
			const dataType = row.type.toLowerCase();
			const { base, args } = parseTypeName(dataType);
			const soleKey = row.pk > 0 && primaryKeyCount.get(row.table_name) === 1;
			const numeric = base === 'decimal' || base === 'numeric';
			const column: RawColumn = {
				table: row.table_name,
				name: row.name,
				dataType,
				defaultValue: parseDefault(row.dflt_value),
				// A primary key is never null in practice, even where SQLite's legacy rules would allow it.
				isNullable: row.notnull === 0 && row.pk === 0,
				maxLength: !numeric && args.length > 0 ? args[0]! : null,
				numericPrecision: numeric && args.length > 0 ? args[0]! : null,
				numericScale: numeric && args.length > 0 ? (args[1] ?? 0) : null,
				isPrimaryKey: row.pk > 0,
				// INTEGER PRIMARY KEY aliases the rowid: SQLite assigns it on insert, with or without AUTOINCREMENT.
				hasAutoIncrement: soleKey && base === 'integer',
				isUnique: soleKey || uniqueColumns.has(`${row.table_name}\u0000${row.name}`),
			};
			column.defaultValue = coerceDefault(column.defaultValue, sqliteFieldType(column));
			return column;
		});

	const foreignKeys: RawForeignKey[] = catalog.foreignKeys.map((row) => ({
		table: row.table_name,
		column: row.from,
		foreignKeyTable: row.table,
		// Without a column list, a reference points at the other table's primary key.
		foreignKeyColumn: row.to ?? primaryKeyOf(catalog, row.table, row.seq),
		constraintName: null,
		onDelete: referentialAction(row.on_delete),
		onUpdate: referentialAction(row.on_update),
	}));

	return {
		tables: catalog.objects.filter((object) => object.type === 'table').map((object) => ({ name: object.name })),
		columns,
		foreignKeys,
		indexes: [...indexes.values()],
		views: catalog.objects.filter((object) => object.type === 'view').map((object) => object.name),
	};
}

function primaryKeyOf(catalog: SqliteCatalog, table: string, position: number): string {
	const keys = catalog.columns.filter((row) => row.table_name === table && row.pk > 0).sort((a, b) => a.pk - b.pk);
	return keys[position]?.name ?? 'rowid';
}

export async function introspect(knex: Knex): Promise<RawSchema> {
	return buildSchema(await queryCatalog(knex));
}
