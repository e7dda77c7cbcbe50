import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import hapiPino from 'hapi-pino';
import type { Logger } from 'pino';
import { toErrorBody, toMantleError } from '../errors/index.js';
import { redactedPaths } from '../logger.js';

export interface ServerOptions {
	host: string;
	port: number;
	logger: Logger;
}

/**
 * A Hapi server whose every failure, Hapi's own included (unknown route, bad JSON, too large),
 * answers in the catalogue's `{ errors: [...] }` shape, and whose every log line carries the
 * request id.
 */
export async function createHttpServer({ host, port, logger }: ServerOptions): Promise<Hapi.Server> {
	const server = Hapi.server({ host, port, router: { isCaseSensitive: true, stripTrailingSlash: true }, routes: { timeout: { server: false } } });

	await server.register({
		plugin: hapiPino,
		options: {
			instance: logger,
			redact: { paths: redactedPaths, censor: '[redacted]' },
			getChildBindings: (request) => ({ requestId: request.info.id }),
			logPayload: false,
			logRequestStart: false,
			logRequestComplete: true,
			ignorePaths: ['/server/ping'],
			serializers: { req: (req: { method: string; url: string }) => ({ method: req.method, url: redactUrl(req.url) }) },
		},
	});

	server.ext('onPreResponse', (request, h) => {
		const response = request.response;
		if (!Boom.isBoom(response)) return h.continue;
		const error = toMantleError(response);
		if (error.code === 'INTERNAL') request.logger.error({ err: error.cause ?? response }, 'request failed');
		return h.response(toErrorBody(error)).code(error.status);
	});

	return server;
}

/** Query-string tokens must not reach the logs either. */
function redactUrl(url: string): string {
	return url.replace(/([?&]access_token=)[^&]*/g, '$1[redacted]');
}
