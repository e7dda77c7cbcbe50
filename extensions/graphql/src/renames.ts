import type { CallerModel, Item, ItemsCapability, ItemsService, ModelCollection, Query, QueryInput } from '@mantle/extensions-sdk';
import { isValidName } from './names.js';

type Row = Record<string, unknown>;

/** Suffixes REST gives function results (`published_on_year`, `tags_count`). */
const functionSuffix = /^(.+)_(year|month|week|day|weekday|hour|minute|second|count)$/;
const functionCall = /^(\w+)\((.+)\)$/;

/**
 * The GraphQL spelling of a SQL name: accents dropped, every other character outside
 * `[_0-9A-Za-z]` made `_`, a leading digit prefixed with `_`, and never the `__` GraphQL keeps
 * for itself. `my-field` → `my_field`, `2024 sales` → `_2024_sales`, `título` → `titulo`.
 */
export function graphqlName(name: string): string {
	let result = name
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^_0-9A-Za-z]/g, '_');
	if (/^[0-9]/.test(result)) result = `_${result}`;
	if (result.startsWith('__')) result = result.replace(/^_+/, '_');
	return result === '' ? '_' : result;
}

/**
 * Names for one namespace (the collections, or one collection's fields): a valid name is kept, an
 * invalid one gets `graphqlName`, with `_2`, `_3`, ... when that is taken. Invalid names are
 * handled in sorted order, so the same set of names always maps the same way.
 */
function namesOf(names: string[]): Map<string, string> {
	const taken = new Set(names.filter(isValidName));
	const map = new Map<string, string>();
	for (const name of [...names].sort()) {
		if (isValidName(name)) continue;
		const base = graphqlName(name);
		let candidate = base;
		for (let n = 2; taken.has(candidate); n++) candidate = `${base}_${n}`;
		taken.add(candidate);
		map.set(name, candidate);
	}
	return map;
}

interface Names {
	/** GraphQL field name → SQL field name, and back. */
	toReal: Map<string, string>;
	toGraphql: Map<string, string>;
	/** The SQL collection whose fields these are, and the view of it GraphQL sees. */
	real: string;
	view: ModelCollection;
}

/**
 * A caller's model as GraphQL sees it, every name valid, and the way back: an items capability
 * that takes GraphQL names, asks the data engine in SQL names and answers in GraphQL names again.
 * With nothing to rename (the usual case) the model and the capability are the original ones, so
 * nothing costs a thing per row.
 */
export class Renames {
	readonly model: CallerModel;
	private readonly collections = new Map<string, Names>();
	private readonly realCollections = new Map<string, string>();

	constructor(model: CallerModel) {
		const collectionNames = namesOf(model.collections.map((collection) => collection.collection));
		const fieldNames = new Map(model.collections.map((collection) => [collection.collection, namesOf(collection.fields.map((field) => field.field))]));
		if (collectionNames.size === 0 && [...fieldNames.values()].every((names) => names.size === 0)) {
			this.model = model;
			return;
		}
		const collection = (name: string) => collectionNames.get(name) ?? name;
		const field = (owner: string, name: string) => fieldNames.get(owner)?.get(name) ?? name;
		const views = model.collections.map((source) => {
			const view: ModelCollection = {
				...source,
				collection: collection(source.collection),
				primary: field(source.collection, source.primary),
				fields: source.fields.map((entry) => {
					const relation = entry.relation;
					let renamed = relation;
					if (relation?.kind === 'm2o') renamed = { ...relation, related: collection(relation.related) };
					else if (relation?.kind === 'o2m')
						renamed = {
							...relation,
							related: collection(relation.related),
							relatedField: field(relation.related, relation.relatedField),
							junctionField: relation.junctionField === null ? null : field(relation.related, relation.junctionField),
						};
					else if (relation?.kind === 'm2a')
						renamed = { ...relation, allowed: relation.allowed.map(collection), collectionField: field(source.collection, relation.collectionField) };
					return { ...entry, field: field(source.collection, entry.field), relation: renamed };
				}),
			};
			const toGraphql = new Map(source.fields.map((entry) => [entry.field, field(source.collection, entry.field)]));
			const toReal = new Map([...toGraphql].map(([real, name]) => [name, real]));
			this.collections.set(view.collection, { toReal, toGraphql, real: source.collection, view });
			this.realCollections.set(source.collection, view.collection);
			return view;
		});
		this.model = { ...model, collections: views };
	}

	/** The data model's name of a collection, by its GraphQL name. */
	readonly realCollection = (collection: string): string => this.collections.get(collection)?.real ?? collection;

	/** A stored item of a collection (by its GraphQL name), under GraphQL names. */
	readonly itemOf = (collection: string, item: Item): Item => {
		const names = this.collections.get(collection);
		return names ? this.row(names, item) : item;
	};

	/** The items capability in GraphQL names; the original one when nothing is renamed. */
	items(items: ItemsCapability): ItemsCapability {
		if (this.collections.size === 0) return items;
		return ((name: string, options) => {
			const names = this.collections.get(name);
			return names ? this.service(items(names.real, options), names) : items(name, options);
		}) as ItemsCapability;
	}

	private service(service: ItemsService, names: Names): ItemsService {
		const query = (input?: QueryInput) => (input ? this.query(names, input as Query) : input);
		const level = (input: QueryInput | undefined): Row => {
			const asked = (input ?? {}) as Query;
			return { ...(asked.deep ?? {}), _alias: asked.alias, _aggregate: asked.aggregate };
		};
		const rows = (input: QueryInput | undefined) => (list: Row[]) => list.map((row) => this.row(names, row, level(input)));
		const data = (item: Item) => this.data(names, item);
		return {
			...service,
			readByQuery: (input) => service.readByQuery(query(input)).then(rows(input)),
			readOne: (key, input) => service.readOne(key, query(input)).then((row) => this.row(names, row, level(input))),
			readMany: (keys, input) => service.readMany(keys, query(input)).then(rows(input)),
			readSingleton: (input) => service.readSingleton(query(input)).then((row) => this.row(names, row, level(input))),
			createOne: (item) => service.createOne(data(item)),
			createMany: (list) => service.createMany(list.map(data)),
			updateOne: (key, item) => service.updateOne(key, data(item)),
			updateMany: (keys, item) => service.updateMany(keys, data(item)),
			updateBatch: (list) => service.updateBatch(list.map(data)),
			upsertSingleton: (item) => service.upsertSingleton(data(item)),
		};
	}

	private related(names: Names, field: string, target?: string): Names | undefined {
		if (target !== undefined) return this.collections.get(target);
		const relation = names.view.fields.find((entry) => entry.field === field)?.relation;
		return relation && relation.kind !== 'm2a' ? this.collections.get(relation.related) : undefined;
	}

	/** A dotted path (`author.name`, `item:headings.title`, `year(date)`) in SQL names; aliases at each level stay. */
	private path(names: Names | undefined, path: string, aliases: Record<string, string> = {}): string {
		const [head, ...rest] = path.split('.');
		if (!names || head === undefined) return path;
		const call = functionCall.exec(head);
		if (call) return `${call[1]}(${names.toReal.get(call[2]!) ?? call[2]})`;
		const [name, target] = head.split(':') as [string, string | undefined];
		const field = aliases[name] ?? name;
		const real = aliases[name] !== undefined ? name : (names.toReal.get(name) ?? name);
		const realTarget = target === undefined ? '' : `:${this.collections.get(target)?.real ?? target}`;
		if (rest.length === 0) return real + realTarget;
		return `${real}${realTarget}.${this.path(this.related(names, field, target), rest.join('.'))}`;
	}

	private query(names: Names, query: Query, prefix = ''): Query {
		const result: Record<string, unknown> = { ...query };
		const key = (name: string) => `${prefix}${name}`;
		const aliases = (query[key('alias') as 'alias'] ?? {}) as Record<string, string>;
		if (query.fields) result.fields = query.fields.map((path) => this.path(names, path, aliases));
		const filter = query[key('filter') as 'filter'];
		if (filter) result[key('filter')] = this.filter(names, filter);
		const sort = query[key('sort') as 'sort'];
		if (sort) result[key('sort')] = sort.map((entry) => (entry.startsWith('-') ? `-${this.path(names, entry.slice(1))}` : this.path(names, entry)));
		if (query.groupBy) result.groupBy = query.groupBy.map((entry) => this.path(names, entry));
		if (query.aggregate)
			result.aggregate = Object.fromEntries(
				Object.entries(query.aggregate).map(([fn, fields]) => [fn, fields.map((field) => names.toReal.get(field) ?? field)]),
			);
		if (Object.keys(aliases).length > 0)
			result[key('alias')] = Object.fromEntries(Object.entries(aliases).map(([alias, field]) => [alias, names.toReal.get(field) ?? field]));
		if (query.deep) result.deep = this.deep(names, query.deep as Record<string, Row>, aliases);
		return result as Query;
	}

	private deep(names: Names, deep: Record<string, Row>, aliases: Record<string, string>): Record<string, Row> {
		const result: Record<string, Row> = {};
		for (const [name, inner] of Object.entries(deep)) {
			const [field, target] = name.split(':') as [string, string | undefined];
			const related = this.related(names, aliases[field] ?? field, target);
			const real = this.path(names, name, aliases);
			const translated: Row = related ? (this.query(related, inner as Query, '_') as Row) : inner;
			const nested = Object.entries(translated).filter(([key]) => !key.startsWith('_'));
			const levelAliases = (inner._alias ?? {}) as Record<string, string>;
			result[real] = {
				...Object.fromEntries(Object.entries(translated).filter(([key]) => key.startsWith('_'))),
				...(related && nested.length > 0 ? this.deep(related, Object.fromEntries(nested) as Record<string, Row>, levelAliases) : Object.fromEntries(nested)),
			};
		}
		return result;
	}

	private filter(names: Names | undefined, filter: unknown): unknown {
		if (Array.isArray(filter)) return filter.map((entry) => this.filter(names, entry));
		if (!names || filter === null || typeof filter !== 'object') return filter;
		const result: Row = {};
		for (const [key, value] of Object.entries(filter as Row)) {
			if (key === '_and' || key === '_or' || key === '_some' || key === '_none') result[key] = this.filter(names, value);
			else if (key.startsWith('_')) result[key] = value;
			else result[this.path(names, key)] = this.filter(this.related(names, key), value);
		}
		return result;
	}

	/**
	 * A row the engine answered, in GraphQL names. `level` is this level of the query in GraphQL
	 * names, shaped as a `deep` entry: keys its `_alias` names stay, its other keys are the levels below.
	 */
	private row(names: Names | undefined, row: Row, level: Row = {}): Row {
		if (!names || row === null || typeof row !== 'object') return row;
		const aliases = (level._alias as Record<string, string> | undefined) ?? {};
		const below = (key: string): Row => (!key.startsWith('_') && level[key] !== null && typeof level[key] === 'object' ? (level[key] as Row) : {});
		const aggregate = level._aggregate !== undefined;
		const result: Row = {};
		for (const [key, value] of Object.entries(row)) {
			if (aliases[key] !== undefined) {
				result[key] = this.memberName(names, aliases[key], value) ?? this.value(this.related(names, aliases[key]), value, below(key));
				continue;
			}
			if (aggregate && value !== null && typeof value === 'object' && !Array.isArray(value)) {
				result[key] = Object.fromEntries(Object.entries(value as Row).map(([field, measured]) => [names.toGraphql.get(field) ?? field, measured]));
				continue;
			}
			const name = names.toGraphql.get(key);
			if (name === undefined) {
				const fn = functionSuffix.exec(key);
				result[fn && names.toGraphql.has(fn[1]!) ? `${names.toGraphql.get(fn[1]!)}_${fn[2]}` : key] = value;
				continue;
			}
			const relation = names.view.fields.find((entry) => entry.field === name)?.relation;
			if (relation?.kind === 'm2a') {
				const member = this.realCollections.get(String(row[names.toReal.get(relation.collectionField) ?? relation.collectionField]));
				result[name] = this.value(member === undefined ? undefined : this.collections.get(member), value, below(name));
			} else result[name] = this.memberName(names, name, value) ?? this.value(this.related(names, name), value, below(name));
		}
		return result;
	}

	/**
	 * A many-to-any's member is named by its collection, under whatever alias: GraphQL knows it by the
	 * name the union's member type has, made by the same naming as every other type. Undefined for other fields.
	 */
	private memberName(names: Names, field: string, value: unknown): string | undefined {
		if (typeof value !== 'string') return undefined;
		const isMember = names.view.fields.some((entry) => entry.relation?.kind === 'm2a' && entry.relation.collectionField === field);
		return isMember ? (this.realCollections.get(value) ?? value) : undefined;
	}

	private value(names: Names | undefined, value: unknown, level: Row): unknown {
		if (Array.isArray(value)) return value.map((entry) => this.value(names, entry, level));
		return value !== null && typeof value === 'object' ? this.row(names, value as Row, level) : value;
	}

	/** A payload in SQL names, through nested related items. */
	private data(names: Names | undefined, item: unknown): Item {
		if (!names || item === null || typeof item !== 'object' || Array.isArray(item)) return item as Item;
		const result: Row = {};
		for (const [key, value] of Object.entries(item as Row)) {
			const related = this.related(names, key);
			const nested = (entry: unknown) => (entry !== null && typeof entry === 'object' ? this.data(related, entry) : entry);
			let translated = value;
			if (Array.isArray(value)) translated = value.map(nested);
			else if (value !== null && typeof value === 'object' && ('create' in value || 'update' in value || 'delete' in value) && related)
				translated = Object.fromEntries(Object.entries(value as Row).map(([change, list]) => [change, Array.isArray(list) ? list.map(nested) : list]));
			else translated = nested(value);
			result[names.toReal.get(key) ?? key] = translated;
		}
		return result;
	}
}
