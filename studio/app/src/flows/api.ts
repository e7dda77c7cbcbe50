import type { FlowRunRecord } from '@mantle/extensions-sdk';
import { api } from '../lib/api.js';

export type TriggerType = 'manual' | 'event' | 'webhook' | 'schedule' | 'operation';

export interface Flow {
	id: string;
	name: string;
	icon: string | null;
	color: string | null;
	description: string | null;
	status: 'active' | 'inactive';
	trigger: TriggerType | null;
	accountability: 'all' | 'activity' | null;
	options: Record<string, unknown> | null;
	/** The first operation. */
	operation: string | null;
}

export interface Operation {
	id: string;
	name: string | null;
	key: string;
	type: string;
	position_x: number;
	position_y: number;
	options: Record<string, unknown> | null;
	resolve: string | null;
	reject: string | null;
	flow: string;
}

/** A logged run, as `/flows/:id/runs` answers it. */
export type Run = FlowRunRecord;

const flowFields = ['id', 'name', 'icon', 'color', 'description', 'status', 'trigger', 'accountability', 'options', 'operation'];
const operationFields = ['id', 'name', 'key', 'type', 'position_x', 'position_y', 'options', 'resolve', 'reject', 'flow'];

export const listFlows = () => api.get<Flow[]>('/flows', { fields: flowFields, sort: ['name'], limit: -1 });
export const readFlow = (id: string) => api.get<Flow>(`/flows/${encodeURIComponent(id)}`, { fields: flowFields });
export const createFlow = (flow: Partial<Flow>) => api.post<Flow>('/flows', flow, { fields: flowFields });
export const updateFlow = (id: string, changes: Partial<Flow>) => api.patch<Flow>(`/flows/${encodeURIComponent(id)}`, changes, { fields: flowFields });
export const deleteFlow = (id: string) => api.delete(`/flows/${encodeURIComponent(id)}`);

export const listOperations = (flow: string) => api.get<Operation[]>('/operations', { fields: operationFields, filter: { flow: { _eq: flow } }, limit: -1 });
export const createOperation = (operation: Partial<Operation>) => api.post<Operation>('/operations', operation, { fields: operationFields });
export const updateOperation = (id: string, changes: Partial<Operation>) =>
	api.patch<Operation>(`/operations/${encodeURIComponent(id)}`, changes, { fields: operationFields });
export const deleteOperation = (id: string) => api.delete(`/operations/${encodeURIComponent(id)}`);

export const listRuns = (flow: string) => api.get<Run[]>(`/flows/${encodeURIComponent(flow)}/runs`, { limit: 20 });

/** Starts a manual flow on items of a collection, as the signed-in user. */
export const runManualFlow = (flow: string, collection: string, keys: Array<string | number>, values: Record<string, unknown> = {}) =>
	api.post(`/flows/trigger/${encodeURIComponent(flow)}`, { ...values, collection, keys });
