import Hapi from '@hapi/hapi';
import Boom from '@hapi/boom';
import type { Logger } from 'pino';
import { createError, toErrorBody, toMantleError } from '../errors/index.js';
import { logResponses } from './request-log.js';

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
export function createHttpServer({ host, port, logger }: ServerOptions): Hapi.Server {
	const server = Hapi.server({ host, port, router: { isCaseSensitive: true, stripTrailingSlash: true }, routes: { timeout: { server: false } } });

	logResponses(server, logger);

	server.ext('onPreResponse', (request, h) => {
		const response = request.response;
		if (!Boom.isBoom(response)) return h.continue;
		const error = toMantleError(response);
		if (error.code === 'INTERNAL') logger.error({ requestId: request.info.id, err: error.cause ?? response }, 'request failed');
		return h.response(toErrorBody(error)).code(error.status);
	});

	// An idle keep-alive connection is left for the client to close: clients (fetch, browsers,
	// load balancers) give up on idle sockets after a few seconds, and a server closing first races
	// with a request sent on the same socket at that moment, which the client sees as a failure.
	server.listener.keepAliveTimeout = 65_000;
	server.listener.headersTimeout = 66_000;
	answerMalformedRequests(server, logger);
	return server;
}

/**
 * Requests Node's HTTP parser refuses never reach Hapi's routes, and Hapi answers them with a bare
 * 400. They get the API's error shape instead: a request line and headers past Node's 16 KB
 * (`--max-http-header-size`) say so, and point to the SEARCH body for long queries.
 */
function answerMalformedRequests(server: Hapi.Server, logger: Logger): void {
	server.listener.removeAllListeners('clientError');
	server.listener.on('clientError', (error: NodeJS.ErrnoException, socket: import('node:net').Socket) => {
		logger.debug({ err: error }, 'malformed request');
		if (!socket.writable || (error.code === 'ECONNRESET' && !socket.readable)) return void socket.destroy();
		const overflow = error.code === 'HPE_HEADER_OVERFLOW';
		const refusal = overflow ? createError('headersTooLong') : createError('requestNotHttp');
		const body = JSON.stringify(toErrorBody(refusal));
		socket.end(
			`HTTP/1.1 ${refusal.status} Bad Request\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
		);
	});
}
