import { execute, getOperationAST, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import type { RequestContext } from './context.js';

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
 * parsed and validated once, is executed directly. A run with any error is dropped and the
 * request goes to Apollo after all, which answers it as it answers every error; that costs a
 * second read, never a second write, since only queries are kept.
 */
export class KnownQueries {
	private readonly documents = new LRUCache<string, DocumentNode>({ maxSize: 8 * 1024 * 1024, sizeCalculation: (_document, key) => key.length * 4 });

	keyOf(schemaKey: string, params: GraphqlParams): string | undefined {
		if (typeof params.query !== 'string') return undefined;
		const operation = typeof params.operationName === 'string' ? params.operationName : '';
		return `${schemaKey}\n${operation}\n${params.query}`;
	}

	/** The JSON answer to a known document, or undefined: not known, or not answered without error. */
	async answer(key: string, schema: GraphQLSchema, params: GraphqlParams, context: RequestContext): Promise<string | undefined> {
		const document = this.documents.get(key);
		const variableValues = document && variablesOf(params);
		if (!document || !variableValues) return undefined;
		const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
		const result = await execute({ schema, document, contextValue: context, variableValues, operationName });
		if (result.errors) return undefined;
		return `${JSON.stringify({ data: result.data })}\n`;
	}

	/** Keeps a query Apollo answered with data and no error (its answer then starts with `data`, as errors come first). */
	learn(key: string, params: GraphqlParams, status: number, body: string): void {
		if (status !== 200 || !body.startsWith('{"data":') || this.documents.has(key)) return;
		const document = parse(String(params.query), { noLocation: true });
		const operationName = typeof params.operationName === 'string' ? params.operationName : undefined;
		if (getOperationAST(document, operationName)?.operation === 'query') this.documents.set(key, document);
	}

	clear(): void {
		this.documents.clear();
	}
}
