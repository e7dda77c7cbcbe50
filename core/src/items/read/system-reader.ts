import type { EngineContext } from '../context.js';
import type { ReadRelated } from '../sql/dynamic-variables.js';
import { buildReadNode } from '../ast/build.js';
import { DynamicVariables } from '../sql/dynamic-variables.js';
import { runRead } from './run.js';

/**
 * Reads the caller's own user or role for `$CURRENT_USER.role.name` and the like. It reads as
 * the system: the rule is the administrator's to write, and the value only narrows the caller's
 * own rows.
 */
export function systemReader(context: EngineContext): ReadRelated {
	return async (collection, key, fields) => {
		const system = { ...context, accountability: null };
		const model = context.schema.collections.get(collection);
		if (!model?.primary) return null;
		const query = { fields, filter: { [model.primary]: { _eq: key } }, limit: 1 };
		const node = await buildReadNode(system, collection, query);
		const [item] = await runRead(system, node, new DynamicVariables(null, systemReader(system)));
		return item ?? null;
	};
}
