import { execute, getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from './context.js';
import { planOf, runPlain, type PlainPlan } from './plain.js';

interface Known {
	document: DocumentNode;
	/** How to answer without graphql-js's executor, when the document is plain enough. */
	plan: PlainPlan | undefined;
}

/** A GraphQL request's parameters, from the URL (GET) or the JSON body (POST). */
export type GraphqlParams = Record<string, unknown>;

/** The variables a request sends, parsed; undefined when they are not a JSON object. */
export function variablesOf(params: GraphqlParams): Record<string, unknown> | undefined {
	const raw = params.variables;
	if (raw === undefined || raw === null || raw === '') return {};
	try {
		const value = typeof raw === 'string' ? (JSON.parse(raw) as unknown) : raw;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Read-only documents Apollo has already answered without an error, by schema, operation and
 * text. Most clients send the same few queries again and again; for those, Apollo's pipeline
 * (hashing, document store, plugin hooks) is spent on an answer it already gave, so the document,
 * parsed and validated once, is executed directly: by its plain plan when it has one, else by
 * graphql-js. A run with any error is dropped and the
 * request goes to Apollo after all, which answers it as it answers every error; that costs a
 * second read, never a second write, since only queries are kept.
 */
export class KnownQueries {
	private readonly documents = new LRUCache<string, Known>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (_known, key) => key.length * 4 });

	keyOf(schemaKey: string, params: GraphqlParams): string | undefined {
		if (typeof params.query !== 'string') return undefined;
		const operation = typeof params.operationName === 'string' ? params.operationName : '';
		return `${schemaKey}\n${operation}\n${params.query}`;
	}

	/** The JSON answer to a known document, or undefined: not known, or not answered without error. */
	async answer(key: string, schema: GraphQLSchema, params: GraphqlParams, context: RequestContext): Promise<string | undefined> {
		const known = this.documents.get(key);
		const variableValues = known && variablesOf(params);
		if (!known || !variableValues) return undefined;
		if (known.plan) {
			let data: Record<string, unknown> | undefined;
			try {
				data = await runPlain(known.plan, schema, {}, variableValues, context);
			} catch {
				return undefined;
			}
			if (data) return `${JSON.stringify({ data })}\n`;
		}
		const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
		const result = await execute({ schema, document: known.document, contextValue: context, variableValues, operationName });
		if (result.errors) return undefined;
		return `${JSON.stringify({ data: result.data })}\n`;
	}

	/** Keeps a query Apollo answered with data and no error (its answer then starts with `data`, as errors come first). */
	learn(key: string, schema: GraphQLSchema, params: GraphqlParams, status: number, body: string): void {
		if (status !== 200 || !body.startsWith('{"data":') || this.documents.has(key)) return;
		const document = parse(String(params.query), { noLocation: true });
		const operation = getOperationAST(document, typeof params.operationName === 'string' ? params.operationName : undefined);
		if (operation?.operation === 'query') this.documents.set(key, { document, plan: planOf(schema, operation) });
	}

	clear(): void {
		this.documents.clear();
	}
}
