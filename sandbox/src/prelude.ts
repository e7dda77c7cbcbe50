// Source evaluated inside each isolate. It runs before the extension's own code, so it captures
// the intrinsics it relies on and holds the host references in closures the extension cannot
// reach: a reference in the extension's hands would let it walk to the host's `Function`.

/**
 * A function expression: `(sdk, kind, log, sleep, request, items, envJson) => dispatch`, where the
 * middle four are references to host functions (or undefined when not granted) and `dispatch(op,
 * input, token)` answers a JSON envelope `{ ok }` or `{ error }`.
 */
export const runtimeSource = `(function (sdk, kind, logRef, sleepRef, requestRef, itemsRef, envJson) {
	'use strict';
	delete globalThis.console;
	const ExtensionError = sdk.ExtensionError;
	const { parse, stringify } = JSON;
	const { freeze } = Object;
	const reflectApply = Reflect.apply;
	const PromiseCtor = Promise;
	const StringCtor = String;
	const isArray = Array.isArray;
	const weakGet = WeakMap.prototype.get;
	const weakSet = WeakMap.prototype.set;
	const anyRef = logRef || sleepRef || requestRef || itemsRef;
	const refApply = anyRef && anyRef.apply;
	const refApplyIgnored = anyRef && anyRef.applyIgnored;
	const awaited = freeze({ __proto__: null, arguments: freeze({ __proto__: null, copy: true }), result: freeze({ __proto__: null, promise: true, copy: true }) });
	const ignored = freeze({ __proto__: null, arguments: freeze({ __proto__: null, copy: true }) });
	const callers = new WeakMap();

	function unwrap(text) {
		const answer = parse(text);
		if (answer.error) throw new ExtensionError(answer.error.code, answer.error.message, answer.error.extensions || {});
		return answer.ok;
	}
	function callHost(ref, args) {
		return reflectApply(refApply, ref, [undefined, args, awaited]).then(unwrap);
	}
	function remember(accountability, token) {
		if (accountability && typeof accountability === 'object') reflectApply(weakSet, callers, [accountability, token]);
	}

	const ctx = {};
	if (logRef) {
		const log = (level) => (message, data) => {
			let dataJson;
			try { dataJson = data === undefined ? undefined : stringify(data); } catch { dataJson = undefined; }
			reflectApply(refApplyIgnored, logRef, [undefined, [level, StringCtor(message), dataJson], ignored]);
		};
		ctx.log = freeze({ debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') });
	}
	if (sleepRef) ctx.sleep = (ms) => callHost(sleepRef, [ms]).then(() => undefined);
	if (requestRef) {
		ctx.request = (url, options) => {
			const o = options || {};
			return callHost(requestRef, [stringify({ url: StringCtor(url), method: o.method, headers: o.headers, body: o.body })]);
		};
	}
	if (itemsRef) {
		ctx.items = (collection, options) => {
			const token = options && options.accountability ? reflectApply(weakGet, callers, [options.accountability]) : undefined;
			const call = (method, args) => new PromiseCtor((resolve) => resolve(callHost(itemsRef, [StringCtor(collection), method, stringify(args), token])));
			return freeze({
				readByQuery: (query) => call('readByQuery', [query || {}]),
				readOne: (key, query) => call('readOne', [key, query || {}]),
				createOne: (data) => call('createOne', [data]),
				updateOne: (key, data) => call('updateOne', [key, data]),
				deleteOne: (key) => call('deleteOne', [key]),
			});
		};
	}
	if (envJson !== undefined) ctx.env = freeze(parse(envJson));
	freeze(ctx);

	const invalid = (message) => new ExtensionError('INVALID_EXTENSION', message);
	const routes = [];
	const hooks = [];
	let operation;
	let sealed = false;

	function setupEndpoint(definition) {
		if (!definition || typeof definition !== 'object' || typeof definition.id !== 'string' || typeof definition.handler !== 'function') {
			throw invalid('An endpoint extension must export default defineEndpoint({ id, handler }).');
		}
		const router = {};
		for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'SEARCH']) {
			router[method.toLowerCase()] = (path, handler) => {
				if (sealed) throw invalid('Routes can be added only while the endpoint is being set up.');
				if (typeof path !== 'string' || path[0] !== '/') throw invalid('Route paths must start with "/" (got ' + stringify(path) + ').');
				if (typeof handler !== 'function') throw invalid('The handler for ' + method + ' ' + path + ' is not a function.');
				routes.push({ method, path, handler });
			};
		}
		return PromiseCtor.resolve(definition.handler(freeze(router), ctx)).then(() => ({
			type: 'endpoint', endpointId: definition.id, routes: routes.map((route) => ({ method: route.method, path: route.path })),
		}));
	}

	function setupHook(definition) {
		if (typeof definition !== 'function') throw invalid('A hook extension must export default defineHook((register, ctx) => { ... }).');
		const on = (kind, key) => (target, handler) => {
			if (sealed) throw invalid('Hooks can be registered only while the extension is being set up.');
			if (typeof target !== 'string' || target === '') throw invalid(kind + '() takes ' + (key === 'cron' ? 'a cron expression' : 'an event name') + ' first.');
			if (typeof handler !== 'function') throw invalid('The handler for ' + kind + ' ' + target + ' is not a function.');
			hooks.push({ kind, [key]: target, handler });
		};
		const register = freeze({ filter: on('filter', 'event'), action: on('action', 'event'), init: on('init', 'event'), schedule: on('schedule', 'cron') });
		return PromiseCtor.resolve(definition(register, ctx)).then(() => ({
			type: 'hook', hooks: hooks.map((hook) => hook.kind === 'schedule' ? { kind: hook.kind, cron: hook.cron } : { kind: hook.kind, event: hook.event }),
		}));
	}

	function setupOperation(definition) {
		if (!definition || typeof definition !== 'object' || typeof definition.id !== 'string' || typeof definition.handler !== 'function') {
			throw invalid('An operation extension must export default defineOperation({ id, handler }).');
		}
		operation = definition;
		// The name and options form cross as plain data, so the Studio's designer can draw the form.
		const described = {};
		if (typeof definition.name === 'string') described.name = definition.name;
		if (Array.isArray(definition.options)) described.options = JSON.parse(JSON.stringify(definition.options));
		return { type: 'operation', operationId: definition.id, ...described };
	}

	function response(value) {
		if (value === undefined || value === null) return { status: 204, headers: {}, body: undefined };
		if (typeof value !== 'object' || isArray(value)) throw invalid('A route handler must return { status, headers, body }.');
		return { status: value.status === undefined ? (value.body === undefined ? 204 : 200) : value.status, headers: value.headers || {}, body: value.body };
	}

	function run(op, input, token) {
		if (op === 'setup') {
			const definition = input.default;
			const done = kind === 'endpoint' ? setupEndpoint(definition) : kind === 'hook' ? setupHook(definition) : setupOperation(definition);
			return PromiseCtor.resolve(done).then((registrations) => { sealed = true; return registrations; });
		}
		if (op === 'route') {
			const route = routes[input.index];
			if (!route) throw invalid('No route ' + input.index + '.');
			const request = input.request;
			remember(request.accountability, token);
			return PromiseCtor.resolve(route.handler(request)).then(response);
		}
		if (op === 'hook') {
			const hook = hooks[input.index];
			if (!hook) throw invalid('No hook ' + input.index + '.');
			const meta = input.meta && typeof input.meta === 'object' ? input.meta : {};
			remember(meta.accountability, token);
			const context = freeze({ accountability: meta.accountability === undefined ? null : meta.accountability });
			if (hook.kind === 'filter') return PromiseCtor.resolve(hook.handler(input.payload, meta, context)).then((next) => next === undefined ? input.payload : next);
			const call = hook.kind === 'action' ? hook.handler({ ...meta, payload: input.payload }, context) : hook.kind === 'init' ? hook.handler(meta, context) : hook.handler(context);
			return PromiseCtor.resolve(call).then(() => undefined);
		}
		if (op === 'operation') {
			if (!operation) throw invalid('This extension is not an operation.');
			const accountability = input.accountability === undefined ? null : input.accountability;
			remember(accountability, token);
			return operation.handler(input.options, { ...ctx, data: input.data, accountability });
		}
		throw invalid('Unknown call ' + stringify(op) + '.');
	}

	function describe(error) {
		const read = (key) => { try { return error[key]; } catch { return undefined; } };
		const message = read('message');
		const code = read('code');
		const name = read('name');
		let extensions = read('extensions');
		try { extensions = extensions && typeof extensions === 'object' ? parse(stringify(extensions)) : {}; } catch { extensions = {}; }
		return {
			message: typeof message === 'string' ? message : (error === null || typeof error !== 'object' ? StringCtor(error) : 'The extension failed.'),
			code: typeof code === 'string' ? code : 'INTERNAL',
			name: typeof name === 'string' ? name : 'Error',
			extensions,
		};
	}

	return function dispatch(op, inputJson, token) {
		return new PromiseCtor((resolve) => resolve(run(op, op === 'setup' ? inputJson : parse(inputJson), token)))
			.then((value) => stringify({ ok: value }), (error) => stringify({ error: describe(error) }))
			.then(undefined, (error) => stringify({ error: { message: 'The extension returned a value that is not JSON data.', code: 'INVALID_EXTENSION', name: 'Error' } }));
	};
})`;
