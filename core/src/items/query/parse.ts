import { aggregateFunctions, exportFormats, metaKeys, type AggregateFunction, type ExportFormat, type MetaKey, type NormalizedQuery } from './types.js';
import { checkFieldPath } from './parse-fields.js';
import { parseFilter } from './parse-filter.js';
import { createError } from '../../errors/index.js';
import { checkKey, dictionary, isBlank, isPlainObject, readInteger, readList, readObject, shown } from './parse-values.js';

export { parseFunctionField } from './parse-fields.js';

/** The query parameters a `deep` entry may set on its relation, written with a leading `_`. */
const deepParameters = ['fields', 'filter', 'search', 'sort', 'limit', 'offset', 'page', 'aggregate', 'groupBy', 'alias'] as const;
const deepParameterSet = new Set<string>(deepParameters);
const aggregateSet = new Set<string>(aggregateFunctions);
const metaSet = new Set<string>(metaKeys);
const formatSet = new Set<string>(exportFormats);
const aliasName = /^[\p{L}_][\p{L}\p{N}_-]*$/u;

/**
 * Reads Directus-style query parameters into a `NormalizedQuery`, from either shape they arrive
 * in: `qs.parse` output of a URL (every leaf a string; objects may also come as JSON text) or a
 * JSON body with native values. Unknown parameters are ignored, since clients add their own
 * (`access_token`, cache busters); a parameter given as an empty string counts as absent.
 * Anything malformed throws INVALID_QUERY naming the parameter and the place inside it.
 * `options.path` prefixes every name in those messages, for queries nested in something else.
 */
export function parseQuery(raw: unknown, options: { path?: string } = {}): NormalizedQuery {
	if (raw === undefined || raw === null) return {};
	if (!isPlainObject(raw)) {
		throw options.path ? createError('queryAtNotObject', { path: options.path, value: shown(raw) }) : createError('queryNotObject', { value: shown(raw) });
	}
	const nameOf = (key: string): string => (options.path ? `${options.path}.${key}` : key);
	const query = readParameters(raw, nameOf);
	if (!isBlank(raw.meta)) query.meta = readMeta(raw.meta, nameOf('meta'));
	if (!isBlank(raw.export)) query.export = readFormat(raw.export, nameOf('export'));
	if (!isBlank(raw.deep)) query.deep = readDeep(readObject(raw.deep, nameOf('deep')), nameOf('deep'));
	return query;
}

/** The parameters a top-level query and a `deep` entry share; `nameOf` says how errors name them. */
function readParameters(raw: Record<string, unknown>, nameOf: (key: string) => string): NormalizedQuery {
	const query: NormalizedQuery = {};
	const given = (key: string): boolean => !isBlank(raw[key]);
	if (given('fields')) setList(query, 'fields', readFieldList(raw.fields, nameOf('fields'), true));
	if (given('filter')) query.filter = parseFilter(raw.filter, nameOf('filter'));
	if (given('search')) query.search = readSearch(raw.search, nameOf('search'));
	if (given('sort')) setList(query, 'sort', readSort(raw.sort, nameOf('sort')));
	if (given('limit')) query.limit = readInteger(raw.limit, nameOf('limit'), -1);
	if (given('offset')) query.offset = readInteger(raw.offset, nameOf('offset'), 0);
	if (given('page')) query.page = readInteger(raw.page, nameOf('page'), 1);
	if (given('aggregate')) query.aggregate = readAggregate(raw.aggregate, nameOf('aggregate'));
	if (given('groupBy')) setList(query, 'groupBy', readFieldList(raw.groupBy, nameOf('groupBy'), false));
	if (given('alias')) query.alias = readAlias(raw.alias, nameOf('alias'));
	return query;
}

/** A list that comes out empty (`fields=,`) is left out rather than asking for nothing. */
function setList(query: NormalizedQuery, key: 'fields' | 'sort' | 'groupBy', list: string[]): void {
	if (list.length > 0) query[key] = list;
}

function readFieldList(value: unknown, name: string, wildcard: boolean): string[] {
	const list = readList(value, name);
	for (const path of list) checkFieldPath(path, name, { wildcard });
	return list;
}

function readSort(value: unknown, name: string): string[] {
	const list = readList(value, name);
	for (const entry of list) {
		const path = entry.startsWith('-') ? entry.slice(1) : entry;
		if (path === '') throw createError('sortEntryEmpty', { parameter: name, entry });
		checkFieldPath(path, name, { wildcard: false });
	}
	return list;
}

function readSearch(value: unknown, name: string): string {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw createError('searchNotString', { parameter: name, value: shown(value) });
}

function readAggregate(value: unknown, name: string): Partial<Record<AggregateFunction, string[]>> {
	const aggregate: Partial<Record<AggregateFunction, string[]>> = dictionary();
	for (const [fn, fields] of Object.entries(readObject(value, name))) {
		checkKey(fn, name);
		if (!aggregateSet.has(fn)) throw createError('aggregateUnknown', { fn, parameter: name, known: aggregateFunctions.join(', ') });
		const list = isBlank(fields) ? [] : readFieldList(fields, `${name}.${fn}`, true);
		if (list.length === 0) throw createError('aggregateNeedsField', { parameter: name, fn });
		aggregate[fn as AggregateFunction] = list;
	}
	return aggregate;
}

function readAlias(value: unknown, name: string): Record<string, string> {
	const alias = dictionary<string>();
	for (const [key, target] of Object.entries(readObject(value, name))) {
		checkKey(key, name);
		if (!aliasName.test(key)) throw createError('aliasNameInvalid', { alias: key, parameter: name });
		if (typeof target !== 'string' || target.trim() === '' || target.includes(',')) {
			throw createError('aliasTargetInvalid', { parameter: name, alias: key, value: shown(target) });
		}
		checkFieldPath(target.trim(), `${name}.${key}`, { wildcard: false });
		alias[key] = target.trim();
	}
	return alias;
}

function readMeta(value: unknown, name: string): MetaKey[] {
	const keys = new Set<MetaKey>();
	for (const entry of readList(value, name)) {
		if (entry === '*') metaKeys.forEach((key) => keys.add(key));
		else if (metaSet.has(entry)) keys.add(entry as MetaKey);
		else throw createError('metaUnknown', { entry, parameter: name, known: metaKeys.join(', ') });
	}
	return [...keys];
}

function readFormat(value: unknown, name: string): ExportFormat {
	if (typeof value !== 'string' || !formatSet.has(value))
		throw createError('exportFormatUnknown', { parameter: name, allowed: exportFormats.join(', '), value: shown(value) });
	return value as ExportFormat;
}

/**
 * `deep` maps relational fields to the query of their related items: `_`-prefixed keys are that
 * query's parameters, other keys are deeper relations, whose queries nest under `.deep`.
 */
function readDeep(entries: Record<string, unknown>, path: string): Record<string, NormalizedQuery> {
	const deep = dictionary<NormalizedQuery>();
	for (const [field, entry] of Object.entries(entries)) {
		checkKey(field, path);
		if (field.startsWith('_')) throw createError('deepKeyMisplaced', { key: field, path });
		const at = `${path}.${field}`;
		if (!isPlainObject(entry)) throw createError('deepEntryNotObject', { path: at, value: shown(entry) });
		deep[field] = readDeepQuery(entry, at);
	}
	return deep;
}

function readDeepQuery(entry: Record<string, unknown>, path: string): NormalizedQuery {
	const parameters = dictionary<unknown>();
	const nested = dictionary<unknown>();
	for (const [key, value] of Object.entries(entry)) {
		checkKey(key, path);
		if (!key.startsWith('_')) nested[key] = value;
		else if (deepParameterSet.has(key.slice(1))) parameters[key.slice(1)] = value;
		else throw createError('deepParameterUnknown', { key, path, known: deepParameters.map((parameter) => `_${parameter}`).join(', ') });
	}
	const query = readParameters(parameters, (key) => `${path}._${key}`);
	if (Object.keys(nested).length > 0) query.deep = readDeep(nested, path);
	return query;
}
