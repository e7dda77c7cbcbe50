import test from 'ava';
import Joi from 'joi';
import type { EndpointRequest } from '@mantle/extensions-sdk';
import { MantleError } from '../src/errors/index.js';
import { withValidation } from '../src/extensions/validate-route.js';

const request = (overrides: Partial<EndpointRequest> = {}): EndpointRequest => ({
	method: 'POST',
	path: '/',
	params: {},
	query: {},
	headers: {},
	body: undefined,
	accountability: {
		user: null,
		role: null,
		roles: [],
		policies: [],
		admin: false,
		app: false,
		ip: '127.0.0.1',
	} as unknown as EndpointRequest['accountability'],
	...overrides,
});

const validate = {
	params: Joi.object({ id: Joi.number().integer().required() }),
	query: Joi.object({ limit: Joi.number().integer().min(1).default(10) }),
	payload: Joi.object({ title: Joi.string().required(), tags: Joi.array().items(Joi.string()) }),
};
const echo = withValidation((input) => ({ body: { params: input.params, query: input.query, body: input.body } }), validate);

test('a route with `validate` hands its handler the validated values, defaults applied and strings converted', async (t) => {
	const answer = await echo(request({ params: { id: '7' }, body: { title: 'Hello' } }));
	t.deepEqual(answer.body, { params: { id: 7 }, query: { limit: 10 }, body: { title: 'Hello' } });
});

test('a bad body answers INVALID_PAYLOAD naming the field; a bad param or query answers INVALID_QUERY', async (t) => {
	const payload = await t.throwsAsync(async () => echo(request({ params: { id: '7' }, body: { tags: ['a'] } })), { instanceOf: MantleError });
	t.like(payload, { code: 'INVALID_PAYLOAD', status: 400, message: 'Invalid payload. "title" is required.', extensions: { field: 'title' } });
	const nested = await t.throwsAsync(async () => echo(request({ params: { id: '7' }, body: { title: 'x', tags: [1] } })));
	t.like(nested, { code: 'INVALID_PAYLOAD', extensions: { field: 'tags.0' } });
	t.like(await t.throwsAsync(async () => echo(request({ params: { id: 'seven' }, body: { title: 'x' } }))), {
		code: 'INVALID_QUERY',
		extensions: { field: 'id' },
	});
	t.like(await t.throwsAsync(async () => echo(request({ params: { id: '7' }, query: { limit: '0' }, body: { title: 'x' } }))), {
		code: 'INVALID_QUERY',
		message: 'Invalid query. "limit" must be greater than or equal to 1.',
	});
});

test('a route without `validate` receives the request untouched', async (t) => {
	const handler = (input: EndpointRequest) => ({ body: input.body });
	t.is(withValidation(handler, undefined), handler);
});
