import type { Knex } from 'knex';
import { coerceDefault, numericLiteral, sqlStringLiteral, stripParentheses } from '../../introspection/defaults.js';
import type { IntrospectOptions, RawColumn, RawDefault, RawIndex, RawSchema, ReferentialAction } from '../../introspection/types.js';
import { postgresFieldType } from './field-types.js';

export interface PostgresCatalog {
	relations: Array<{ schema: string; name: string; relkind: string; comment: string | null }>;
	columns: Array<{
		schema: string;
		table_name: string;
		name: string;
		data_type: string;
		max_length: number | null;
		numeric_precision: number | null;
		numeric_scale: number | null;
		default_value: string | null;
		not_null: boolean;
		identity: string;
		generated: string;
		comment: string | null;
	}>;
	constraints: Array<{
		schema: string;
		table_name: string;
		name: string;
		type: 'p' | 'u' | 'f';
		columns: string[];
		foreign_table: string | null;
		foreign_columns: string[] | null;
		on_update: string;
		on_delete: string;
	}>;
	indexes: Array<{ schema: string; table_name: string; name: string; unique: boolean; primary: boolean; partial: boolean; columns: string[] }>;
}

const tableKinds = `('r', 'p', 'f')`;

/** Four catalog reads whatever the number of tables; they run side by side on the pool. */
export async function queryCatalog(knex: Knex, options: IntrospectOptions = {}): Promise<PostgresCatalog> {
	const schemas = options.schemas ? '?::text[]' : 'current_schemas(false)';
	const bind = options.schemas ? [options.schemas] : [];
	const [relations, columns, constraints, indexes] = await Promise.all([
		knex.raw(
			`select n.nspname as schema, c.relname as name, c.relkind, obj_description(c.oid, 'pg_class') as comment
			 from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = any (${schemas}) and c.relkind in ('r', 'p', 'f', 'v', 'm') and not c.relispartition
			 order by n.nspname, c.relname`,
			bind,
		),
		knex.raw(
			`select n.nspname as schema, c.relname as table_name, a.attname as name, format_type(a.atttypid, null) as data_type,
			   information_schema._pg_char_max_length(information_schema._pg_truetypid(a.*, t.*), information_schema._pg_truetypmod(a.*, t.*)) as max_length,
			   information_schema._pg_numeric_precision(information_schema._pg_truetypid(a.*, t.*), information_schema._pg_truetypmod(a.*, t.*)) as numeric_precision,
			   information_schema._pg_numeric_scale(information_schema._pg_truetypid(a.*, t.*), information_schema._pg_truetypmod(a.*, t.*)) as numeric_scale,
			   pg_get_expr(d.adbin, d.adrelid) as default_value, a.attnotnull as not_null, a.attidentity as identity,
			   a.attgenerated as generated, col_description(a.attrelid, a.attnum) as comment
			 from pg_attribute a
			 join pg_class c on c.oid = a.attrelid
			 join pg_namespace n on n.oid = c.relnamespace
			 join pg_type t on t.oid = a.atttypid
			 left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
			 where n.nspname = any (${schemas}) and c.relkind in ${tableKinds} and not c.relispartition and a.attnum > 0 and not a.attisdropped
			 order by n.nspname, c.relname, a.attnum`,
			bind,
		),
		knex.raw(
			`select n.nspname as schema, c.relname as table_name, con.conname as name, con.contype as type,
			   array(select a.attname::text from unnest(con.conkey) with ordinality k(num, ord)
			         join pg_attribute a on a.attrelid = con.conrelid and a.attnum = k.num order by k.ord) as columns,
			   f.relname as foreign_table,
			   array(select a.attname::text from unnest(con.confkey) with ordinality k(num, ord)
			         join pg_attribute a on a.attrelid = con.confrelid and a.attnum = k.num order by k.ord) as foreign_columns,
			   con.confupdtype as on_update, con.confdeltype as on_delete
			 from pg_constraint con
			 join pg_class c on c.oid = con.conrelid
			 join pg_namespace n on n.oid = c.relnamespace
			 left join pg_class f on f.oid = con.confrelid
			 where n.nspname = any (${schemas}) and con.contype in ('p', 'u', 'f')
			 order by n.nspname, c.relname, con.conname`,
			bind,
		),
		knex.raw(
			`select n.nspname as schema, c.relname as table_name, i.relname as name, x.indisunique as unique, x.indisprimary as primary,
			   x.indpred is not null as partial,
			   array(select a.attname::text from unnest(x.indkey::int2[]) with ordinality k(num, ord)
			         join pg_attribute a on a.attrelid = x.indrelid and a.attnum = k.num
			         where k.ord <= x.indnkeyatts order by k.ord) as columns
			 from pg_index x
			 join pg_class i on i.oid = x.indexrelid
			 join pg_class c on c.oid = x.indrelid
			 join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname = any (${schemas}) and c.relkind in ${tableKinds} and not c.relispartition
			 order by n.nspname, c.relname, i.relname`,
			bind,
		),
	]);
	return { relations: relations.rows, columns: columns.rows, constraints: constraints.rows, indexes: indexes.rows };
}

const actions: Record<string, ReferentialAction> = { a: 'NO ACTION', r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };
const nowFunctions: Record<string, string> = {
	'now()': 'CURRENT_TIMESTAMP',
	current_timestamp: 'CURRENT_TIMESTAMP',
	'transaction_timestamp()': 'CURRENT_TIMESTAMP',
	'statement_timestamp()': 'CURRENT_TIMESTAMP',
	'clock_timestamp()': 'CURRENT_TIMESTAMP',
	localtimestamp: 'CURRENT_TIMESTAMP',
	current_date: 'CURRENT_DATE',
	current_time: 'CURRENT_TIME',
	localtime: 'CURRENT_TIME',
};

/** `'draft'::character varying` → `draft`, `NULL::text` → null, `now()` → CURRENT_TIMESTAMP; other expressions stay as written. */
export function parseDefault(text: string | null): RawDefault {
	if (text === null) return null;
	let expression = stripParentheses(text);
	const literal = /^('(?:[^']|'')*')(?:::[\w\s".[\]()]+)*$/s.exec(expression);
	if (literal) return sqlStringLiteral(literal[1]!)!;
	expression = stripParentheses(expression.replace(/(?:::[\w\s".[\]]+(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?)+$/, ''));
	const lower = expression.toLowerCase();
	if (lower === 'null') return null;
	if (lower === 'true' || lower === 'false') return lower === 'true';
	const now = nowFunctions[lower.replace(/\(\d+\)$/, '')];
	if (now) return now;
	return numericLiteral(expression) ?? expression;
}

export function buildSchema(catalog: PostgresCatalog): RawSchema {
	const key = (schema: string, table: string, column: string) => `${schema}\u0000${table}\u0000${column}`;
	const primary = new Set<string>();
	const unique = new Set<string>();
	for (const constraint of catalog.constraints) {
		if (constraint.type === 'p') for (const column of constraint.columns) primary.add(key(constraint.schema, constraint.table_name, column));
		if (constraint.type !== 'f' && constraint.columns.length === 1) unique.add(key(constraint.schema, constraint.table_name, constraint.columns[0]!));
	}
	for (const index of catalog.indexes) {
		if (index.unique && !index.partial && index.columns.length === 1) unique.add(key(index.schema, index.table_name, index.columns[0]!));
	}

	const columns = catalog.columns.map((row) => {
		const raw = row.default_value;
		const sequence = raw !== null && /^nextval\(/i.test(raw);
		const column: RawColumn = {
			table: row.table_name,
			name: row.name,
			dataType: row.data_type.toLowerCase(),
			// A serial's nextval() is how the database numbers rows, not a value a client could send.
			defaultValue: sequence || row.generated === 's' ? null : parseDefault(raw),
			isNullable: !row.not_null,
			maxLength: row.max_length,
			numericPrecision: row.numeric_precision,
			numericScale: row.numeric_scale,
			isPrimaryKey: primary.has(key(row.schema, row.table_name, row.name)),
			hasAutoIncrement: sequence || row.identity === 'a' || row.identity === 'd',
			isUnique: unique.has(key(row.schema, row.table_name, row.name)),
		};
		if (row.comment !== null) column.comment = row.comment;
		column.defaultValue = coerceDefault(column.defaultValue, postgresFieldType(column));
		return column;
	});

	const foreignKeys = catalog.constraints
		.filter((constraint) => constraint.type === 'f')
		.flatMap((constraint) =>
			constraint.columns.map((column, i) => ({
				table: constraint.table_name,
				column,
				foreignKeyTable: constraint.foreign_table!,
				foreignKeyColumn: constraint.foreign_columns![i]!,
				constraintName: constraint.name,
				onDelete: actions[constraint.on_delete] ?? 'NO ACTION',
				onUpdate: actions[constraint.on_update] ?? 'NO ACTION',
			})),
		);

	const indexes: RawIndex[] = catalog.indexes.map((index) => ({
		table: index.table_name,
		name: index.name,
		columns: index.columns,
		unique: index.unique,
		primary: index.primary,
	}));

	const isView = (relkind: string) => relkind === 'v' || relkind === 'm';
	return {
		tables: catalog.relations
			.filter((relation) => !isView(relation.relkind))
			.map((relation) => ({
				name: relation.name,
				schema: relation.schema,
				...(relation.comment !== null ? { comment: relation.comment } : {}),
			})),
		columns,
		foreignKeys,
		indexes,
		views: catalog.relations.filter((relation) => isView(relation.relkind)).map((relation) => relation.name),
	};
}

export async function introspect(knex: Knex, options?: IntrospectOptions): Promise<RawSchema> {
	return buildSchema(await queryCatalog(knex, options));
}
