import { ApolloServer, HeaderMap, type HTTPGraphQLRequest } from '@apollo/server';
import {
	ApolloServerPluginCacheControlDisabled,
	ApolloServerPluginInlineTraceDisabled,
	ApolloServerPluginLandingPageDisabled,
	ApolloServerPluginSchemaReportingDisabled,
	ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { parse, printSchema, type DocumentNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { createError, type Accountability, type ExtensionLogger, type GraphqlCapability, type GraphqlScope } from '@mantle/extensions-sdk';
import type { RequestContext } from './context.js';
import { formatError } from './errors.js';
import { KnownQueries, variablesOf, type GraphqlParams } from './known-queries.js';
import { checkLimits, type QueryLimits } from './limits.js';
import { Renames } from './renames.js';
import { buildSchema } from './schema.js';

interface Entry {
	key: string;
	schema: GraphQLSchema;
	/** How the schema's names map to the data model's, for names GraphQL does not allow. */
	renames: Renames;
	apollo: ApolloServer<RequestContext>;
}

/** Tokens one document may hold: far above any real query, low enough that parsing stays cheap. */
const maxTokens = 20_000;

export interface GraphqlAnswer {
	status: number;
	headers: Record<string, string>;
	/** The JSON text of the answer, as Apollo wrote it. */
	body: string;
}

/**
 * Schemas and their Apollo servers, one per scope and permission set, built on first use. The
 * cache is bounded (least recently used first out, `GRAPHQL_SCHEMA_CACHE_CAPACITY`) and emptied
 * whenever the data model or permissions change, so a new field is served at the next request.
 */
export class Executor {
	private readonly entries: LRUCache<string, Promise<Entry>>;
	// One store of parsed documents for every server, so the total stays bounded too.
	private readonly documents = new InMemoryLRUCache<DocumentNode>({ maxSize: 8 * 1024 * 1024 });
	private readonly limits: QueryLimits;
	private readonly known = new KnownQueries();
	/** Documents already found within the limits, by schema and text: most clients send the same few documents again and again. */
	private readonly checked = new LRUCache<string, true>({ maxSize: 4 * 1024 * 1024, sizeCalculation: (_value, key) => key.length });

	constructor(
		private readonly graphql: GraphqlCapability,
		private readonly log: ExtensionLogger,
	) {
		const { settings } = graphql;
		this.limits = { depth: settings.queryDepthMax, aliases: settings.queryAliasMax, cost: settings.queryCostMax, defaultLimit: settings.defaultLimit };
		this.entries = new LRUCache({
			max: settings.schemaCacheCapacity,
			dispose: (entry) => {
				entry.then((built) => built.apollo.stop()).catch(() => undefined);
			},
		});
		graphql.onChange(() => {
			this.entries.clear();
			this.known.clear();
		});
	}

	/** How many schemas are held now (for tests and diagnostics). */
	get size(): number {
		return this.entries.size;
	}

	/** The caller's schema as SDL; refused like introspection when GRAPHQL_INTROSPECTION is off, since it tells the same. */
	async sdl(accountability: Accountability, scope: GraphqlScope): Promise<string> {
		if (!this.graphql.settings.introspection) throw createError('graphqlIntrospectionDisabled');
		return printSchema((await this.entry(accountability, scope)).schema);
	}

	async execute(scope: GraphqlScope, request: HTTPGraphQLRequest, context: RequestContext): Promise<GraphqlAnswer> {
		const { key, schema, apollo, renames } = await this.entry(context.accountability, scope);
		const params = request.method === 'GET' ? Object.fromEntries(new URLSearchParams(request.search)) : ((request.body ?? {}) as GraphqlParams);
		const refused = this.refuse(schema, key, params);
		if (refused) return json(400, { errors: [{ message: refused.message, extensions: refused.extensions }] });
		const named = { ...context, items: renames.items(context.items), names: renames };
		const known = this.known.keyOf(key, params);
		const answered = known === undefined ? undefined : await this.known.answer(known, schema, params, named);
		if (answered !== undefined) return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: answered };
		const response = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest: request, context: async () => named });
		const headers: Record<string, string> = {};
		for (const [name, value] of response.headers) headers[name] = value;
		let body = '';
		if (response.body.kind === 'complete') body = response.body.string;
		else for await (const chunk of response.body.asyncIterator) body += chunk;
		const status = response.status ?? 200;
		if (known !== undefined) this.known.learn(known, schema, params, status, body);
		return { status, headers, body };
	}

	/** The limits, checked on the document before Apollo validates it: validation itself is what a hostile document attacks. */
	private refuse(schema: GraphQLSchema, schemaKey: string, params: GraphqlParams) {
		if (typeof params.query !== 'string') return undefined;
		// Variables can set a list's limit, so a document sent with any is checked with their values each time.
		const key = params.variables === undefined || params.variables === null || params.variables === '' ? `${schemaKey}\n${params.query}` : undefined;
		if (key !== undefined && this.checked.has(key)) return undefined;
		const variables = variablesOf(params);
		if (!variables) return undefined;
		let document: DocumentNode;
		try {
			document = parse(params.query, { maxTokens, noLocation: true });
		} catch {
			return undefined; // Apollo reports the syntax error with its location
		}
		const refused = checkLimits(schema, document, variables, this.limits);
		if (!refused && key !== undefined) this.checked.set(key, true);
		return refused;
	}

	private async entry(accountability: Accountability, scope: GraphqlScope): Promise<Entry> {
		const model = await this.graphql.model(accountability);
		const key = `${scope}:${model.key}`;
		let entry = this.entries.get(key);
		if (!entry) {
			const renames = new Renames(model);
			entry = this.build(key, buildSchema(renames.model, scope), renames);
			entry.catch(() => this.entries.delete(key));
			this.entries.set(key, entry);
		}
		return entry;
	}

	private async build(key: string, schema: GraphQLSchema, renames: Renames): Promise<Entry> {
		const apollo = new ApolloServer<RequestContext>({
			schema,
			introspection: this.graphql.settings.introspection,
			csrfPrevention: false,
			persistedQueries: false,
			allowBatchedHttpRequests: false,
			documentStore: this.documents,
			parseOptions: { maxTokens },
			status400ForVariableCoercionErrors: true,
			includeStacktraceInErrorResponses: false,
			stopOnTerminationSignals: false,
			formatError: formatError(this.log),
			// Cache hints and traces would wrap every field resolver; nothing here reads them, and no request leaves for Apollo's cloud.
			plugins: [
				ApolloServerPluginLandingPageDisabled(),
				ApolloServerPluginCacheControlDisabled(),
				ApolloServerPluginInlineTraceDisabled(),
				ApolloServerPluginSchemaReportingDisabled(),
				ApolloServerPluginUsageReportingDisabled(),
			],
			logger: {
				debug: () => undefined,
				info: () => undefined,
				warn: (message) => this.log.warn(String(message)),
				error: (message) => this.log.error(String(message)),
			},
		});
		await apollo.start();
		return { key, schema, apollo, renames };
	}
}

function json(status: number, value: unknown): GraphqlAnswer {
	return { status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };
}

/** The HTTP request in Apollo's terms: GET carries the query in the URL, POST a JSON body. */
export function apolloRequest(method: string, query: Record<string, unknown>, body: unknown): HTTPGraphQLRequest {
	const headers = new HeaderMap([['content-type', 'application/json']]);
	if (method === 'GET') {
		const search = new URLSearchParams();
		for (const [name, value] of Object.entries(query)) {
			if (value === undefined) continue;
			search.set(name, typeof value === 'string' ? value : JSON.stringify(value));
		}
		return { method: 'GET', headers, search: search.toString(), body: undefined };
	}
	let parsed = body;
	if (typeof body === 'string') {
		try {
			parsed = JSON.parse(body) as unknown;
		} catch {
			parsed = { query: body };
		}
	}
	return { method: 'POST', headers, search: '', body: parsed ?? {} };
}
