import {
	GraphQLEnumType,
	GraphQLID,
	GraphQLNonNull,
	GraphQLObjectType,
	GraphQLSchema,
	Kind,
	parse,
	type FieldNode,
	type GraphQLFieldConfigMap,
	type GraphQLResolveInfo,
} from 'graphql';
import { makeServer } from 'graphql-ws';
import { LRUCache } from 'lru-cache';
import type { Accountability, CallerModel, GraphqlCapability, GraphqlSocketExtra, GraphqlSocketServer, PrimaryKey } from '@mantle/extensions-sdk';
import type { Collections, GraphqlExtensionContext, RequestContext } from './context.js';
import { checkLimits } from './limits.js';
import { inScope, isValidName, rootName } from './names.js';
import { Renames } from './renames.js';
import { buildSchema } from './schema.js';
import { queryOfSelection } from './selection.js';

type Subscriptions = NonNullable<GraphqlCapability['subscriptions']>;
type Change = Parameters<Parameters<Subscriptions['changes']>[3]>[0];

/**
 * GraphQL subscriptions over `graphql-ws` at `/graphql`: `<collection>_mutated { key event data }`
 * for each collection the caller may read, on the kernel's live changes. The kernel owns the
 * socket (it holds the HTTP listener); this extension hands it a graphql-ws server whose schema
 * is the caller's query schema plus the subscription root. `data` is read for each change as the
 * subscriber may see it, with the fields its selection names.
 */
export function subscriptionServer(capabilities: GraphqlExtensionContext, subscriptions: Subscriptions): GraphqlSocketServer {
	const { graphql, items } = capabilities;
	const schemas = new LRUCache<string, Promise<GraphQLSchema>>({ max: graphql.settings.schemaCacheCapacity });
	graphql.onChange(() => schemas.clear());
	const schemaOf = async (accountability: Accountability) => {
		const model = await graphql.model(accountability);
		let schema = schemas.get(model.key);
		if (!schema) {
			schema = Promise.resolve().then(() => subscriptionSchema(model, subscriptions));
			schema.catch(() => schemas.delete(model.key));
			schemas.set(model.key, schema);
		}
		return schema;
	};
	const { settings } = graphql;
	const limits = { depth: settings.queryDepthMax, aliases: settings.queryAliasMax, cost: settings.queryCostMax, defaultLimit: settings.defaultLimit };

	return makeServer<Record<string, unknown> | undefined, GraphqlSocketExtra>({
		// graphql-ws clients send their token in connection_init (`connectionParams`); without one the
		// socket keeps the upgrade's identity (a token in the URL or header, or the public policy).
		async onConnect(ctx) {
			const token = ctx.connectionParams?.access_token;
			if (token === undefined || token === null || token === '') return true;
			if (typeof token !== 'string') return false;
			try {
				ctx.extra.accountability = await ctx.extra.signIn(token);
				return true;
			} catch {
				return false; // graphql-ws closes with 4403 Forbidden
			}
		},
		schema: (ctx) => schemaOf(ctx.extra.accountability),
		context: (ctx): RequestContext => ({
			accountability: ctx.extra.accountability,
			items,
			capabilities,
			request: { ip: ctx.extra.accountability.ip, cookies: {} },
			responseHeaders: {},
		}),
		// The same depth, alias and cost limits as a query over HTTP.
		async onSubscribe(ctx, _id, payload) {
			const schema = await schemaOf(ctx.extra.accountability);
			let document;
			try {
				document = parse(payload.query, { maxTokens: 20_000, noLocation: true });
			} catch {
				return undefined; // graphql-ws reports the syntax error itself
			}
			const refused = checkLimits(schema, document, payload.variables ?? {}, limits);
			return refused ? [refused] : undefined;
		},
	});
}

/** The caller's query schema with a subscription root: `<collection>_mutated` for each readable, unrenamed collection. */
function subscriptionSchema(model: CallerModel, subscriptions: Subscriptions): GraphQLSchema {
	const renames = new Renames(model);
	const base = buildSchema(renames.model, 'items').toConfig();
	const collections: Collections = new Map(renames.model.collections.map((collection) => [collection.collection, collection]));
	const original = new Map(model.collections.map((collection) => [collection.collection, collection]));
	const types = new Map(base.types.map((type) => [type.name, type]));
	const eventType = new GraphQLEnumType({ name: 'EventEnum', values: { create: {}, update: {}, delete: {} } });
	const fields: GraphQLFieldConfigMap<unknown, RequestContext> = {};
	for (const collection of renames.model.collections) {
		// Renamed collections or fields would need their names mapped back on every change; they have no subscription.
		const source = original.get(collection.collection);
		if (!source || source.fields.some((field, index) => field.field !== collection.fields[index]?.field)) continue;
		if (!inScope(collection, 'items') || !isValidName(collection.collection) || !collection.actions.read || collection.singleton) continue;
		const name = rootName(collection.collection);
		const object = types.get(name);
		if (!(object instanceof GraphQLObjectType)) continue;
		const mutated = new GraphQLObjectType({
			name: `${name}_mutated`,
			fields: { key: { type: new GraphQLNonNull(GraphQLID) }, event: { type: eventType }, data: { type: object } },
		});
		fields[`${name}_mutated`] = {
			type: mutated,
			// `event` keeps to one kind of change, as Directus's argument of the same name does.
			args: { event: { type: eventType } },
			subscribe: (_source, args: { event?: Change['event'] }, context: RequestContext, info) =>
				changesOf((listener) =>
					subscriptions.changes(context.accountability, collection.collection, dataFields(info, collections, collection.collection), (change) => {
						if (!args.event || args.event === change.event) listener(change);
					}),
				),
			resolve: (change) => ({ ...(change as Change), key: String((change as Change).key as PrimaryKey) }),
		};
	}
	if (Object.keys(fields).length === 0) return new GraphQLSchema(base);
	return new GraphQLSchema({ ...base, subscription: new GraphQLObjectType({ name: 'Subscription', fields }) });
}

/** The fields the selection under `data` asks for, as a REST `fields` list; none selected still follows the key. */
function dataFields(info: GraphQLResolveInfo, collections: Collections, collection: string): string[] | undefined {
	const data: FieldNode[] = [];
	for (const node of info.fieldNodes)
		for (const selection of node.selectionSet?.selections ?? []) if (selection.kind === Kind.FIELD && selection.name.value === 'data') data.push(selection);
	if (data.length === 0) return [collections.get(collection)!.primary];
	const mutated = info.returnType instanceof GraphQLNonNull ? info.returnType.ofType : info.returnType;
	const dataType = (mutated as GraphQLObjectType).getFields().data!.type;
	return queryOfSelection({ ...info, fieldNodes: data, returnType: dataType }, collections, collection).fields as string[] | undefined;
}

/** An async iterator over a listener-style source: what graphql-js's `subscribe` consumes; `return()` unsubscribes. */
function changesOf(start: (listener: (change: Change) => void) => Promise<() => void>): AsyncIterableIterator<Change> {
	const queue: Change[] = [];
	let wake: (() => void) | undefined;
	let done = false;
	let stop: (() => void) | undefined;
	const started = start((change) => {
		queue.push(change);
		wake?.();
	}).then((unsubscribe) => {
		if (done) unsubscribe();
		else stop = unsubscribe;
	});
	const iterator: AsyncIterableIterator<Change> = {
		async next() {
			await started;
			while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
			if (done) return { value: undefined, done: true };
			return { value: queue.shift()!, done: false };
		},
		async return() {
			done = true;
			stop?.();
			wake?.();
			return { value: undefined, done: true };
		},
		[Symbol.asyncIterator]() {
			return iterator;
		},
	};
	return iterator;
}
