import type { Filter } from '@mantle/extensions-sdk';
import type { EngineContext } from './context.js';
import type { CollectionModel } from './schema-index.js';
import { applyCondition, SqlScope } from './sql/apply-condition.js';
import { compileFilter } from './sql/compile-filter.js';
import type { DynamicVariables } from './sql/dynamic-variables.js';

/**
 * Which of the keys name stored items that satisfy a row rule (any item without one), as
 * strings: the one way both a write's permission check and the log's read guard ask it.
 */
export async function keysMatching(
	context: EngineContext,
	model: CollectionModel,
	keys: unknown[],
	filter: Filter | null | undefined,
	variables: DynamicVariables,
): Promise<Set<string>> {
	const found = new Set<string>();
	const rule = filter ? await compileFilter(context, model, filter, { checkFields: false, variables }) : null;
	for (let start = 0; start < keys.length; start += 1000) {
		const scope = new SqlScope(context.knex, context.dialect);
		const alias = scope.alias();
		const builder = context.knex
			.from({ [alias]: model.table })
			.select(`${alias}.${model.primary}`)
			.whereIn(`${alias}.${model.primary}`, keys.slice(start, start + 1000) as string[]);
		if (rule) applyCondition(builder, rule, alias, scope, model.primary);
		for (const row of await builder) found.add(String(row[model.primary]));
	}
	return found;
}
