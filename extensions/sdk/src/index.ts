export type { Accountability } from './accountability.js';
export type { AppComponentProps, AppExtensionBase, Component, FieldType, OptionField, StudioApi } from './app.js';
export type { ExtensionContext, ExtensionLogger } from './context.js';
export { defineDisplay, type DisplayDefinition, type DisplayProps } from './display.js';
export { defineEndpoint, type EndpointDefinition, type EndpointRequest, type EndpointResponse, type HttpMethod, type RouteHandler, type RouteOptions, type Router } from './endpoint.js';
export { ExtensionError, createError } from './errors.js';
export { errorCodes, isErrorCode, type ErrorCode } from './error-codes.js';
export { defineHook, type ActionHandler, type FilterHandler, type HookDefinition, type HookEventContext, type HookMeta, type HookRegister, type InitHandler, type ScheduleHandler } from './hook.js';
export { defineInterface, type InterfaceDefinition, type InterfaceProps } from './interface.js';
export { aggregateFunctions, type AggregateFunction, type Filter, type Item, type ItemsCapability, type ItemsOptions, type ItemsService, type PrimaryKey, type Query, type QueryInput } from './items.js';
export { defineLayout, type LayoutDefinition, type LayoutProps } from './layout.js';
export {
	appExtensionTypes,
	builtModules,
	checkHostRange,
	extensionTypes,
	isServerExtension,
	ManifestError,
	parseManifest,
	scopeNames,
	serverExtensionTypes,
	type AppExtensionType,
	type BuiltModule,
	type BundleEntry,
	type EntryType,
	type ExtensionManifest,
	type ExtensionType,
	type SandboxManifest,
	type ScopeName,
	type ServerExtensionType,
} from './manifest.js';
export { defineOperation, type OperationContext, type OperationDefinition } from './operation.js';
export { definePanel, type PanelDefinition, type PanelProps } from './panel.js';
export type { RequestCapability, RequestOptions, RequestResponse } from './request.js';
export type { HealthCheck, HealthReport, HealthStatus, ServerCapability, ServerInfo } from './server.js';
export type { SchemaApplyStep, SchemaCapability, SchemaDiffResult } from './schema.js';
export type { ExtensionInfo, ExtensionsCapability } from './extensions-capability.js';
export type { AuthCapability, AuthCookieSettings, AuthMode, AuthProviderInfo, AuthRequestContext, AuthTokens, PresentedSession, ProviderLoginResult, ProviderLoginStart } from './auth.js';
export { inKeyOrder, itemsRoutes, type ItemsRoutesOptions } from './items-routes.js';
export { ownedRoutes, plainQuery, withFilter, type OwnedRoutesOptions } from './owned-routes.js';
export type { AssetRequest, AssetResponse, FilesBody, FilesCallOptions, FilesCapability } from './files.js';
export type { FlowIteration, FlowPermissions, FlowRunOptions, FlowRunRecord, FlowRunStep, FlowsCapability, FlowTriggerRequest, FlowTriggerResult, MailCapability, ScriptsCapability } from './flows.js';
export type { CallerModel, GraphqlCapability, GraphqlScope, GraphqlSettings, ModelCollection, ModelField, ModelRelation } from './graphql.js';
export type { HashCapability } from './hash.js';
export type { MetricsCapability } from './metrics.js';
export type { SharesCapability, ShareTokens } from './shares.js';
