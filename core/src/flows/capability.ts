import type { Accountability, FlowRunRecord, FlowsCapability, FlowTriggerRequest, PrimaryKey } from '@mantle/extensions-sdk';
import type { Authenticator } from '../auth/accountability.js';
import { createError } from '../errors/index.js';
import type { DataEngine } from '../items/engine.js';
import { runFailure, runResult } from './outcome.js';
import type { FlowsRuntime } from './runtime.js';
import type { LoadedFlow } from './types.js';

export interface FlowsCapabilityOptions {
	runtime: FlowsRuntime;
	engine: DataEngine;
	authenticator: Authenticator;
}

/** Headers that carry credentials never enter a run's data (and so never its log). */
const privateHeaders = new Set(['authorization', 'cookie', 'x-api-key']);

export function createFlowsCapability({ runtime, engine, authenticator }: FlowsCapabilityOptions): FlowsCapability {
	const activeFlow = (flowId: string, triggers: string[]): LoadedFlow => {
		const flow = runtime.get(flowId);
		// Missing, inactive and the wrong kind answer alike: nothing tells a caller which flows exist.
		if (!flow || flow.status !== 'active' || !flow.trigger || !triggers.includes(flow.trigger)) {
			throw createError('FORBIDDEN');
		}
		return flow;
	};

	const runOnce = async (flow: LoadedFlow, payload: unknown, accountability: Accountability | null): Promise<unknown> => {
		const outcome = await runtime.execute(flow, payload, accountability, runtime.currentDepth() + 1);
		if (outcome.status === 'reject') throw runFailure(flow, outcome);
		return runResult(outcome, flow.options.return);
	};

	return {
		async run(flowId, payload, options) {
			const flow = activeFlow(flowId, ['operation']);
			if (!Array.isArray(payload) || !options.iteration) return runOnce(flow, payload, options.accountability);
			if (options.iteration === 'parallel') return Promise.all(payload.map((entry) => runOnce(flow, entry, options.accountability)));
			const size = options.iteration === 'batch' ? Math.max(1, Math.floor(options.batchSize ?? 10)) : 1;
			const results: unknown[] = [];
			for (let start = 0; start < payload.length; start += size) {
				results.push(...(await Promise.all(payload.slice(start, start + size).map((entry) => runOnce(flow, entry, options.accountability)))));
			}
			return results;
		},

		async trigger(flowId, request) {
			const flow = activeFlow(flowId, ['webhook', 'manual']);
			const trigger = flow.trigger === 'manual' ? await manualTrigger(flow, request, engine) : webhookTrigger(flow, request);
			if (flow.options.async === true) {
				await runtime.enqueue({ flowId: flow.id, trigger, accountability: request.accountability, depth: runtime.currentDepth() + 1 });
				return {};
			}
			return { body: await runOnce(flow, trigger, request.accountability) };
		},

		async accountabilityFor(permissions, trigger) {
			if (permissions === '$full') return null;
			if (permissions === '$public') return authenticator.accountabilityOf({ public: true });
			if (permissions === undefined || permissions === '$trigger' || permissions === '') return trigger;
			return authenticator.accountabilityOf({ role: permissions });
		},

		async operationTypes(accountability) {
			if (!accountability.admin && !accountability.app) throw createError('FORBIDDEN');
			return runtime.operationTypes().sort((a, b) => a.name.localeCompare(b.name));
		},

		async runs(flowId, accountability, limit = 50) {
			const activity = await engine.service('directus_activity', accountability);
			const rows = await activity.readByQuery({
				filter: { collection: { _eq: 'directus_flows' }, item: { _eq: flowId }, action: { _eq: 'run' } },
				sort: ['-id'],
				limit,
				fields: ['id', 'timestamp'],
			});
			if (rows.length === 0) return [];
			const revisions = await engine.service('directus_revisions', accountability);
			const logged = await revisions.readByQuery({ filter: { activity: { _in: rows.map((row) => row.id) } }, fields: ['activity', 'data'], limit: -1 });
			const byActivity = new Map(logged.map((revision) => [String(revision.activity), parseJson(revision.data)]));
			return rows.map((row): FlowRunRecord => {
				const data = (byActivity.get(String(row.id)) ?? {}) as { status?: 'resolve' | 'reject'; steps?: FlowRunRecord['steps']; data?: { $trigger?: unknown } };
				return {
					id: Number(row.id),
					timestamp: String(row.timestamp),
					status: data.status ?? 'resolve',
					trigger: data.data?.$trigger ?? null,
					steps: data.steps ?? [],
				};
			});
		},
	};
}

function webhookTrigger(flow: LoadedFlow, request: FlowTriggerRequest): Record<string, unknown> {
	const method = typeof flow.options.method === 'string' ? flow.options.method.toUpperCase() : 'GET';
	if (request.method.toUpperCase() !== method) throw createError('flowMethodRefused', { expected: method, method: request.method.toUpperCase() });
	if (flow.options.requireAuth === true && !request.accountability.user) throw createError('FORBIDDEN');
	return baseTrigger(request);
}

/**
 * A manual trigger: a signed-in user, on items of one of the flow's collections that they may
 * read; the body's other values are the confirmation fields the flow asked for.
 */
async function manualTrigger(flow: LoadedFlow, request: FlowTriggerRequest, engine: DataEngine): Promise<Record<string, unknown>> {
	if (!request.accountability.user) throw createError('FORBIDDEN');
	const body = (request.body ?? {}) as Record<string, unknown>;
	const collections = Array.isArray(flow.options.collections) ? (flow.options.collections as unknown[]) : [];
	if (typeof body.collection !== 'string' || !collections.includes(body.collection)) {
		throw createError('flowCollectionRefused', { collections: collections.join(', ') });
	}
	const keys = body.keys;
	if (!Array.isArray(keys) || keys.length === 0 || !keys.every((key) => typeof key === 'string' || typeof key === 'number')) {
		throw createError('flowKeysRequired');
	}
	const service = await engine.service(body.collection, request.accountability);
	const { primary } = await service.info();
	const readable = await service.readMany(keys as PrimaryKey[], { fields: [primary] });
	if (readable.length < new Set(keys.map(String)).size) {
		throw createError('FORBIDDEN');
	}
	return baseTrigger(request);
}

function baseTrigger(request: FlowTriggerRequest): Record<string, unknown> {
	const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !privateHeaders.has(name.toLowerCase())));
	return { path: request.path, method: request.method.toUpperCase(), query: request.query, body: request.body ?? null, headers };
}

function parseJson(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	try {
		return JSON.parse(value);
	} catch {
		return null;
	}
}
