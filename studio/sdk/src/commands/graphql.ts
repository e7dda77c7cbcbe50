import { command } from '../command.js';

export interface GraphqlResult<Data> {
	data?: Data;
	errors?: Array<{ message: string; extensions?: Record<string, unknown>; path?: Array<string | number> }>;
}

/**
 * A GraphQL query or mutation against the items endpoint (`/graphql`) or the system one
 * (`/graphql/system`). Resolves to the whole answer, so partial data beside errors is kept.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- GraphQL answers take the shape of the query, which the caller names
export function graphql<Data = Record<string, any>>(query: string, variables?: Record<string, unknown>, scope: 'items' | 'system' = 'items') {
	return command<GraphqlResult<Data>>({
		method: 'POST',
		path: scope === 'system' ? '/graphql/system' : '/graphql',
		body: { query, ...(variables ? { variables } : {}) },
		envelope: true,
	});
}
