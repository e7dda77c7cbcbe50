import type { EngineContext } from '../context.js';
import { readPermission } from '../ast/permission-fields.js';
import type { MetaKey, NormalizedQuery } from '../query/types.js';
import { collectionModel } from '../schema-index.js';
import { applyCondition, SqlScope } from '../sql/apply-condition.js';
import { and } from '../sql/condition.js';
import { compileFilter } from '../sql/compile-filter.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import { searchCondition } from '../sql/search.js';

/**
 * `meta=total_count,filter_count`: how many items the caller can see at all, and how many match
 * the filter and search. Both count within the caller's row rule, so neither reveals hidden rows.
 */
export async function readMeta(
	context: EngineContext,
	collection: string,
	query: NormalizedQuery,
	variables: DynamicVariables,
): Promise<Partial<Record<MetaKey, number>>> {
	const model = collectionModel(context.schema, collection);
	const permission = await readPermission(context, collection);
	const rule = permission.filter ? await compileFilter(context, model, permission.filter, { checkFields: false, variables }) : null;
	const meta: Partial<Record<MetaKey, number>> = {};
	const count = async (withQuery: boolean) => {
		const scope = new SqlScope(context.knex, context.dialect);
		const alias = scope.alias();
		const builder = context.knex.from({ [alias]: model.table }).count({ count: '*' });
		const filter = withQuery ? await compileFilter(context, model, query.filter, { checkFields: true, variables }, permission) : null;
		const search = withQuery && query.search ? searchCondition(context, model, permission, query.search) : null;
		applyCondition(builder, and(rule, filter, search), alias, scope, model.primary);
		const [row] = await builder;
		return Number((row as { count: unknown }).count);
	};
	for (const key of query.meta ?? []) meta[key] = await count(key === 'filter_count');
	return meta;
}
