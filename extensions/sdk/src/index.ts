export type { Accountability } from './accountability.js';
export type { ExtensionContext, ExtensionLogger } from './context.js';
export { defineEndpoint, type EndpointDefinition, type EndpointRequest, type EndpointResponse, type HttpMethod, type RouteHandler, type Router } from './endpoint.js';
export { ExtensionError, createError } from './errors.js';
export type { HealthCheck, HealthReport, HealthStatus, ServerCapability, ServerInfo } from './server.js';
