import { api } from './http.js';

export interface OperationSpec {
	key: string;
	type: string;
	options?: Record<string, unknown>;
	/** Keys of the operations that follow on resolve and on reject. */
	resolve?: string;
	reject?: string;
}

/**
 * Builds a flow through the API as the Studio's designer would: the flow, then its operations,
 * then the links between them and the flow's first operation (the first in the list).
 */
export async function createFlow(
	url: string,
	flow: Record<string, unknown>,
	operations: OperationSpec[],
): Promise<{ id: string; operations: Record<string, string> }> {
	const created = await api(url, 'POST', '/flows', { status: 'active', accountability: 'all', ...flow });
	if (created.status !== 200) throw new Error(`creating flow: ${JSON.stringify(created.body)}`);
	const id = created.body.data.id as string;
	const ids: Record<string, string> = {};
	for (const [index, operation] of operations.entries()) {
		const made = await api(url, 'POST', '/operations', {
			flow: id,
			key: operation.key,
			type: operation.type,
			options: operation.options ?? {},
			position_x: index * 20,
			position_y: 1,
		});
		if (made.status !== 200) throw new Error(`creating operation ${operation.key}: ${JSON.stringify(made.body)}`);
		ids[operation.key] = made.body.data.id;
	}
	for (const operation of operations) {
		if (!operation.resolve && !operation.reject) continue;
		const linked = await api(url, 'PATCH', `/operations/${ids[operation.key]}`, {
			...(operation.resolve ? { resolve: ids[operation.resolve] } : {}),
			...(operation.reject ? { reject: ids[operation.reject] } : {}),
		});
		if (linked.status !== 200) throw new Error(`linking ${operation.key}: ${JSON.stringify(linked.body)}`);
	}
	if (operations.length > 0) {
		const first = await api(url, 'PATCH', `/flows/${id}`, { operation: ids[operations[0]!.key] });
		if (first.status !== 200) throw new Error(`setting the first operation: ${JSON.stringify(first.body)}`);
	}
	return { id, operations: ids };
}

/** Polls an async check until it holds or `ms` pass; answers whether it held. */
export { eventually } from './wait.js';
