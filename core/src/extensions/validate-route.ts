import type { EndpointRequest, RouteHandler, RouteOptions } from '@mantle/extensions-sdk';
import type { Schema } from 'joi';
import { createError } from '../errors/index.js';

function checked(schema: Schema | undefined, value: unknown, refusal: 'joiQueryMessage' | 'joiPayloadMessage'): unknown {
	if (!schema) return value;
	const { value: valid, error } = schema.validate(value, { abortEarly: true, errors: { wrap: { label: '"' } } });
	if (!error) return valid;
	const detail = error.details[0]!;
	const field = detail.path.join('.');
	throw createError(refusal, { text: detail.message.replace(/\.$/, '') }, field ? { field } : {});
}

/**
 * A route handler that first checks the request against the route's `validate` schemas, as hapi
 * does for its own routes, so extensions state their input's shape instead of checking it by hand.
 */
export function withValidation(handler: RouteHandler, validate: RouteOptions['validate']): RouteHandler {
	if (!validate) return handler;
	return (request: EndpointRequest) =>
		handler({
			...request,
			params: checked(validate.params, request.params, 'joiQueryMessage') as EndpointRequest['params'],
			query: checked(validate.query, request.query, 'joiQueryMessage') as EndpointRequest['query'],
			body: checked(validate.payload, request.body, 'joiPayloadMessage'),
		});
}
