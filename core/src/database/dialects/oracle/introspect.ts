import type { Knex } from 'knex';
import { coerceDefault, numericLiteral, sqlStringLiteral, stripParentheses } from '../../introspection/defaults.js';
import type { RawColumn, RawDefault, RawForeignKey, RawIndex, RawSchema } from '../../introspection/types.js';
import { oracleFieldType } from './field-types.js';
import { referentialAction } from '../shared-introspect.js';

// node-oracledb returns column names as Oracle reports them: upper-case.
export interface OracleCatalog {
	objects: Array<{ NAME: string; KIND: 'TABLE' | 'VIEW'; COMMENTS: string | null }>;
	columns: Array<{
		TABLE_NAME: string;
		COLUMN_NAME: string;
		DATA_TYPE: string;
		DATA_LENGTH: number;
		CHAR_LENGTH: number;
		DATA_PRECISION: number | null;
		DATA_SCALE: number | null;
		NULLABLE: 'Y' | 'N';
		DATA_DEFAULT: string | null;
		IDENTITY_COLUMN: 'YES' | 'NO';
		COMMENTS: string | null;
	}>;
	constraints: Array<{
		CONSTRAINT_NAME: string;
		CONSTRAINT_TYPE: 'P' | 'U' | 'R' | 'C';
		TABLE_NAME: string;
		COLUMN_NAME: string;
		POSITION: number | null;
		DELETE_RULE: string | null;
		R_CONSTRAINT_NAME: string | null;
		INDEX_NAME: string | null;
		SEARCH_CONDITION_VC: string | null;
	}>;
	indexes: Array<{ INDEX_NAME: string; TABLE_NAME: string; UNIQUENESS: 'UNIQUE' | 'NONUNIQUE'; COLUMN_NAME: string; COLUMN_POSITION: number }>;
	/** Tables numbered by a sequence and a BEFORE INSERT trigger, as knex's `increments` creates them before identity columns. */
	sequenceTriggers: Array<{ TABLE_NAME: string }>;
}

/** Five reads of the USER_* views, whatever the number of tables. */
export async function queryCatalog(knex: Knex): Promise<OracleCatalog> {
	const [objects, columns, constraints, indexes, sequenceTriggers] = await Promise.all([
		knex.raw(
			`select t.table_name as name, 'TABLE' as kind, c.comments
			 from user_tables t left join user_tab_comments c on c.table_name = t.table_name
			 where t.nested = 'NO' and t.secondary = 'N' and t.dropped = 'NO' and (t.iot_type is null or t.iot_type = 'IOT')
			 union all
			 select v.view_name as name, 'VIEW' as kind, null as comments from user_views v
			 order by 1`,
		),
		knex.raw(
			`select c.table_name, c.column_name, c.data_type, c.data_length, c.char_length, c.data_precision, c.data_scale, c.nullable,
			   c.data_default, c.identity_column, cc.comments
			 from user_tab_columns c
			 join user_tables t on t.table_name = c.table_name
			 left join user_col_comments cc on cc.table_name = c.table_name and cc.column_name = c.column_name
			 order by c.table_name, c.column_id`,
		),
		knex.raw(
			`select c.constraint_name, c.constraint_type, c.table_name, cc.column_name, cc.position, c.delete_rule, c.r_constraint_name,
			   c.index_name, c.search_condition_vc
			 from user_constraints c join user_cons_columns cc on cc.owner = c.owner and cc.constraint_name = c.constraint_name
			 where c.constraint_type in ('P', 'U', 'R') or (c.constraint_type = 'C' and upper(c.search_condition_vc) like '%IS JSON%')
			 order by c.table_name, c.constraint_name, cc.position`,
		),
		knex.raw(
			`select i.index_name, i.table_name, i.uniqueness, ic.column_name, ic.column_position
			 from user_indexes i join user_ind_columns ic on ic.index_name = i.index_name
			 where i.index_type <> 'LOB'
			 order by i.table_name, i.index_name, ic.column_position`,
		),
		knex.raw(
			`select table_name from user_triggers
			 where triggering_event = 'INSERT' and trigger_type = 'BEFORE EACH ROW' and lower(trigger_name) like '%autoinc\\_trg' escape '\\'`,
		),
	]);
	return { objects, columns, constraints, indexes, sequenceTriggers };
}

const nowFunctions: Record<string, string> = {
	sysdate: 'CURRENT_TIMESTAMP',
	systimestamp: 'CURRENT_TIMESTAMP',
	current_timestamp: 'CURRENT_TIMESTAMP',
	localtimestamp: 'CURRENT_TIMESTAMP',
	current_date: 'CURRENT_TIMESTAMP',
};

/** DATA_DEFAULT is the SQL text as typed, often with trailing blanks: `'draft' `, `0`, `SYSTIMESTAMP`. */
export function parseDefault(text: string | null): RawDefault {
	if (text === null) return null;
	const expression = stripParentheses(text);
	const lower = expression.toLowerCase();
	if (lower === '' || lower === 'null') return null;
	const now = nowFunctions[lower.replace(/\(\d+\)$/, '')];
	if (now) return now;
	return sqlStringLiteral(expression) ?? numericLiteral(expression) ?? expression;
}

function lengthOf(row: OracleCatalog['columns'][number], dataType: string): number | null {
	if (/char/.test(dataType)) return row.CHAR_LENGTH;
	if (dataType === 'raw') return row.DATA_LENGTH;
	return null;
}

export function buildSchema(catalog: OracleCatalog): RawSchema {
	const key = (table: string, column: string) => `${table}\u0000${column}`;
	const byName = new Map<string, OracleCatalog['constraints']>();
	for (const row of catalog.constraints) byName.set(row.CONSTRAINT_NAME, [...(byName.get(row.CONSTRAINT_NAME) ?? []), row]);

	const primary = new Set<string>();
	const unique = new Set<string>();
	const jsonChecked = new Set<string>();
	const primaryIndexes = new Set<string>();
	for (const [, rows] of byName) {
		const first = rows[0]!;
		if (first.CONSTRAINT_TYPE === 'P') {
			for (const row of rows) primary.add(key(row.TABLE_NAME, row.COLUMN_NAME));
			if (first.INDEX_NAME) primaryIndexes.add(first.INDEX_NAME);
		}
		if ((first.CONSTRAINT_TYPE === 'P' || first.CONSTRAINT_TYPE === 'U') && rows.length === 1) unique.add(key(first.TABLE_NAME, first.COLUMN_NAME));
		if (first.CONSTRAINT_TYPE === 'C') for (const row of rows) jsonChecked.add(key(row.TABLE_NAME, row.COLUMN_NAME));
	}

	const indexes = new Map<string, RawIndex>();
	for (const row of catalog.indexes) {
		// Function-based indexes list hidden virtual columns, which no client can name.
		if (row.COLUMN_NAME.startsWith('SYS_NC')) continue;
		let index = indexes.get(row.INDEX_NAME);
		if (!index) {
			index = { table: row.TABLE_NAME, name: row.INDEX_NAME, columns: [], unique: row.UNIQUENESS === 'UNIQUE', primary: primaryIndexes.has(row.INDEX_NAME) };
			indexes.set(row.INDEX_NAME, index);
		}
		index.columns.push(row.COLUMN_NAME);
	}
	for (const index of indexes.values()) if (index.unique && index.columns.length === 1) unique.add(key(index.table, index.columns[0]!));

	const triggered = new Set(catalog.sequenceTriggers.map((row) => row.TABLE_NAME));
	const columns = catalog.columns.map((row) => {
		const dataType = row.DATA_TYPE.toLowerCase();
		const columnKey = key(row.TABLE_NAME, row.COLUMN_NAME);
		const isPrimaryKey = primary.has(columnKey);
		const identity = row.IDENTITY_COLUMN === 'YES';
		const column: RawColumn = {
			table: row.TABLE_NAME,
			name: row.COLUMN_NAME,
			dataType,
			// An identity's default is its sequence's nextval: the database's business, not a value.
			defaultValue: identity ? null : parseDefault(row.DATA_DEFAULT),
			isNullable: row.NULLABLE === 'Y',
			maxLength: lengthOf(row, dataType),
			numericPrecision: row.DATA_PRECISION,
			numericScale: row.DATA_SCALE,
			isPrimaryKey,
			hasAutoIncrement: identity || (isPrimaryKey && triggered.has(row.TABLE_NAME)),
			isUnique: unique.has(columnKey),
		};
		if (jsonChecked.has(columnKey)) column.hasJsonCheck = true;
		if (row.COMMENTS !== null) column.comment = row.COMMENTS;
		column.defaultValue = coerceDefault(column.defaultValue, oracleFieldType(column));
		return column;
	});

	const foreignKeys: RawForeignKey[] = catalog.constraints
		.filter((row) => row.CONSTRAINT_TYPE === 'R')
		.map((row) => {
			const referenced = byName.get(row.R_CONSTRAINT_NAME ?? '')?.find((other) => other.POSITION === row.POSITION);
			return {
				table: row.TABLE_NAME,
				column: row.COLUMN_NAME,
				foreignKeyTable: referenced?.TABLE_NAME ?? '',
				foreignKeyColumn: referenced?.COLUMN_NAME ?? '',
				constraintName: row.CONSTRAINT_NAME,
				onDelete: referentialAction(row.DELETE_RULE),
				// Oracle has no ON UPDATE clause: updates of a referenced key are always refused.
				onUpdate: 'NO ACTION' as const,
			};
		})
		.filter((foreignKey) => foreignKey.foreignKeyTable !== '');

	return {
		tables: catalog.objects
			.filter((object) => object.KIND === 'TABLE')
			.map((object) => ({
				name: object.NAME,
				...(object.COMMENTS !== null ? { comment: object.COMMENTS } : {}),
			})),
		columns,
		foreignKeys,
		indexes: [...indexes.values()],
		views: catalog.objects.filter((object) => object.KIND === 'VIEW').map((object) => object.NAME),
	};
}

export async function introspect(knex: Knex): Promise<RawSchema> {
	return buildSchema(await queryCatalog(knex));
}
