import type { Knex } from 'knex';
import type { FlowRecord, FlowTrigger, LoadedFlow, OperationRecord } from './types.js';

const triggers = new Set<FlowTrigger>(['event', 'webhook', 'schedule', 'manual', 'operation']);

/** JSON columns come back parsed on some vendors and as text on others. */
function jsonObject(value: unknown): Record<string, unknown> {
	let parsed = value;
	if (typeof value === 'string') {
		try {
			parsed = JSON.parse(value);
		} catch {
			return {};
		}
	}
	return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

/** Every flow with its operations, in two queries. */
export async function loadFlows(knex: Knex): Promise<Map<string, LoadedFlow>> {
	const [flowRows, operationRows] = await Promise.all([
		knex('mantle_flows').select('id', 'name', 'status', 'trigger', 'accountability', 'options', 'operation'),
		knex('mantle_operations').select('id', 'key', 'type', 'options', 'resolve', 'reject', 'flow'),
	]);
	const flows = new Map<string, LoadedFlow>();
	for (const row of flowRows as Array<Record<string, unknown>>) {
		const record: FlowRecord = {
			id: String(row.id),
			name: String(row.name),
			status: row.status === 'active' ? 'active' : 'inactive',
			trigger: triggers.has(row.trigger as FlowTrigger) ? (row.trigger as FlowTrigger) : null,
			accountability: row.accountability === 'all' || row.accountability === 'activity' ? row.accountability : null,
			options: jsonObject(row.options),
			operation: row.operation === null || row.operation === undefined ? null : String(row.operation),
		};
		flows.set(record.id, { ...record, operations: new Map() });
	}
	for (const row of operationRows as Array<Record<string, unknown>>) {
		const operation: OperationRecord = {
			id: String(row.id),
			key: String(row.key),
			type: String(row.type),
			options: jsonObject(row.options),
			resolve: row.resolve === null || row.resolve === undefined ? null : String(row.resolve),
			reject: row.reject === null || row.reject === undefined ? null : String(row.reject),
			flow: String(row.flow),
		};
		flows.get(operation.flow)?.operations.set(operation.id, operation);
	}
	return flows;
}
