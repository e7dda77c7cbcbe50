import type { Knex } from 'knex';
import { coerceDefault, numericLiteral, sqlStringLiteral, stripParentheses } from '../../introspection/defaults.js';
import type { IntrospectOptions, RawColumn, RawDefault, RawForeignKey, RawIndex, RawSchema } from '../../introspection/types.js';
import { mssqlFieldType } from './field-types.js';
import { referentialAction } from '../shared-introspect.js';

export interface MssqlCatalog {
	objects: Array<{ schema_name: string; name: string; type: string; comment: string | null }>;
	columns: Array<{
		schema_name: string;
		table_name: string;
		column_id: number;
		name: string;
		data_type: string;
		max_length: number;
		precision: number;
		scale: number;
		is_nullable: boolean;
		is_identity: boolean;
		is_computed: boolean;
		default_definition: string | null;
		comment: string | null;
	}>;
	indexes: Array<{
		schema_name: string;
		table_name: string;
		index_name: string;
		is_unique: boolean;
		is_primary_key: boolean;
		has_filter: boolean;
		key_ordinal: number;
		column_name: string;
	}>;
	foreignKeys: Array<{
		schema_name: string;
		constraint_name: string;
		table_name: string;
		column_name: string;
		foreign_table: string;
		foreign_column: string;
		on_delete: string;
		on_update: string;
	}>;
	checks: Array<{ schema_name: string; table_name: string; definition: string }>;
}

/** Five reads of sys.* for the chosen schemas (default: the user's default schema), whatever the number of tables. */
export async function queryCatalog(knex: Knex, options: IntrospectOptions = {}): Promise<MssqlCatalog> {
	const schemas = options.schemas?.length ? `s.name in (${options.schemas.map(() => '?').join(', ')})` : 's.name = schema_name()';
	const bind = options.schemas ?? [];
	const description = (major: string, minor: string) =>
		`(select cast(ep.value as nvarchar(max)) from sys.extended_properties ep
		  where ep.class = 1 and ep.major_id = ${major} and ep.minor_id = ${minor} and ep.name = 'MS_Description')`;
	const [objects, columns, indexes, foreignKeys, checks] = await Promise.all([
		knex.raw(
			`select s.name as schema_name, o.name, rtrim(o.type) as type, ${description('o.object_id', '0')} as comment
			 from sys.objects o join sys.schemas s on s.schema_id = o.schema_id
			 where o.type in ('U', 'V') and o.is_ms_shipped = 0 and ${schemas} order by s.name, o.name`,
			bind,
		),
		knex.raw(
			`select s.name as schema_name, t.name as table_name, c.column_id, c.name,
			   case when ty.is_user_defined = 1 then type_name(c.system_type_id) else ty.name end as data_type,
			   c.max_length, c.precision, c.scale, c.is_nullable, c.is_identity, c.is_computed,
			   dc.definition as default_definition, ${description('c.object_id', 'c.column_id')} as comment
			 from sys.columns c
			 join sys.tables t on t.object_id = c.object_id
			 join sys.schemas s on s.schema_id = t.schema_id
			 join sys.types ty on ty.user_type_id = c.user_type_id
			 left join sys.default_constraints dc on dc.object_id = c.default_object_id
			 where t.is_ms_shipped = 0 and ${schemas} order by s.name, t.name, c.column_id`,
			bind,
		),
		knex.raw(
			`select s.name as schema_name, t.name as table_name, i.name as index_name, i.is_unique, i.is_primary_key, i.has_filter,
			   ic.key_ordinal, c.name as column_name
			 from sys.indexes i
			 join sys.tables t on t.object_id = i.object_id
			 join sys.schemas s on s.schema_id = t.schema_id
			 join sys.index_columns ic on ic.object_id = i.object_id and ic.index_id = i.index_id and ic.is_included_column = 0
			 join sys.columns c on c.object_id = ic.object_id and c.column_id = ic.column_id
			 where i.type > 0 and t.is_ms_shipped = 0 and ${schemas} order by s.name, t.name, i.name, ic.key_ordinal`,
			bind,
		),
		knex.raw(
			`select s.name as schema_name, fk.name as constraint_name, tp.name as table_name, cp.name as column_name,
			   tr.name as foreign_table, cr.name as foreign_column,
			   fk.delete_referential_action_desc as on_delete, fk.update_referential_action_desc as on_update
			 from sys.foreign_keys fk
			 join sys.foreign_key_columns fkc on fkc.constraint_object_id = fk.object_id
			 join sys.tables tp on tp.object_id = fkc.parent_object_id
			 join sys.schemas s on s.schema_id = tp.schema_id
			 join sys.columns cp on cp.object_id = fkc.parent_object_id and cp.column_id = fkc.parent_column_id
			 join sys.tables tr on tr.object_id = fkc.referenced_object_id
			 join sys.columns cr on cr.object_id = fkc.referenced_object_id and cr.column_id = fkc.referenced_column_id
			 where ${schemas} order by s.name, tp.name, fk.name, fkc.constraint_column_id`,
			bind,
		),
		knex.raw(
			`select s.name as schema_name, t.name as table_name, cc.definition
			 from sys.check_constraints cc join sys.tables t on t.object_id = cc.parent_object_id join sys.schemas s on s.schema_id = t.schema_id
			 where ${schemas}`,
			bind,
		),
	]);
	return { objects, columns, indexes, foreignKeys, checks };
}

const nowFunctions = new Set(['getdate()', 'getutcdate()', 'sysdatetime()', 'sysutcdatetime()', 'sysdatetimeoffset()', 'current_timestamp']);

/** `((0))` → 0, `(N'draft')` → `draft`, `(getdate())` → CURRENT_TIMESTAMP; other expressions stay as written. */
export function parseDefault(definition: string | null): RawDefault {
	if (definition === null) return null;
	const expression = stripParentheses(definition);
	const lower = expression.toLowerCase();
	if (lower === 'null') return null;
	if (nowFunctions.has(lower)) return 'CURRENT_TIMESTAMP';
	const unicode = /^N'/i.test(expression) ? expression.slice(1) : expression;
	return sqlStringLiteral(unicode) ?? numericLiteral(expression) ?? expression;
}

/** sys.columns counts bytes: two per character in the n-types, -1 for `(max)`. */
function maxLength(dataType: string, bytes: number): number | null {
	if (bytes === -1) return null;
	if (/^(n?varchar|n?char|varbinary|binary)$/.test(dataType)) return /^n/.test(dataType) ? bytes / 2 : bytes;
	return null;
}

export function buildSchema(catalog: MssqlCatalog): RawSchema {
	const key = (schema: string, table: string, column: string) => `${schema}\u0000${table}\u0000${column}`;
	const indexes = new Map<string, RawIndex & { schema: string; filtered: boolean }>();
	for (const row of catalog.indexes) {
		const indexKey = key(row.schema_name, row.table_name, row.index_name);
		let index = indexes.get(indexKey);
		if (!index) {
			index = {
				schema: row.schema_name,
				filtered: row.has_filter,
				table: row.table_name,
				name: row.index_name,
				columns: [],
				unique: row.is_unique,
				primary: row.is_primary_key,
			};
			indexes.set(indexKey, index);
		}
		index.columns.push(row.column_name);
	}
	const primary = new Set<string>();
	const unique = new Set<string>();
	for (const index of indexes.values()) {
		if (index.primary) for (const column of index.columns) primary.add(key(index.schema, index.table, column));
		if (index.unique && !index.filtered && index.columns.length === 1) unique.add(key(index.schema, index.table, index.columns[0]!));
	}
	const jsonChecked = new Set<string>();
	for (const check of catalog.checks) {
		const match = /isjson\(\s*\[?([^\])]+)\]?\s*\)/i.exec(check.definition);
		if (match) jsonChecked.add(key(check.schema_name, check.table_name, match[1]!));
	}

	const columns = catalog.columns.map((row) => {
		const dataType = row.data_type.toLowerCase();
		const columnKey = key(row.schema_name, row.table_name, row.name);
		const numeric = /^(decimal|numeric|int|bigint|smallint|tinyint|float|real|money|smallmoney)$/.test(dataType);
		const column: RawColumn = {
			table: row.table_name,
			name: row.name,
			dataType,
			defaultValue: parseDefault(row.default_definition),
			isNullable: row.is_nullable,
			maxLength: maxLength(dataType, row.max_length),
			numericPrecision: numeric ? row.precision : null,
			numericScale: numeric ? row.scale : null,
			isPrimaryKey: primary.has(columnKey),
			hasAutoIncrement: row.is_identity,
			isUnique: unique.has(columnKey),
		};
		if (jsonChecked.has(columnKey)) column.hasJsonCheck = true;
		if (row.comment !== null) column.comment = row.comment;
		column.defaultValue = coerceDefault(column.defaultValue, mssqlFieldType(column));
		return column;
	});

	const foreignKeys: RawForeignKey[] = catalog.foreignKeys.map((row) => ({
		table: row.table_name,
		column: row.column_name,
		foreignKeyTable: row.foreign_table,
		foreignKeyColumn: row.foreign_column,
		constraintName: row.constraint_name,
		onDelete: referentialAction(row.on_delete),
		onUpdate: referentialAction(row.on_update),
	}));

	return {
		tables: catalog.objects
			.filter((object) => object.type === 'U')
			.map((object) => ({
				name: object.name,
				schema: object.schema_name,
				...(object.comment !== null ? { comment: object.comment } : {}),
			})),
		columns,
		foreignKeys,
		indexes: [...indexes.values()].map(({ table, name, columns, unique, primary }) => ({ table, name, columns, unique, primary })),
		views: catalog.objects.filter((object) => object.type === 'V').map((object) => object.name),
	};
}

export async function introspect(knex: Knex, options?: IntrospectOptions): Promise<RawSchema> {
	return buildSchema(await queryCatalog(knex, options));
}
