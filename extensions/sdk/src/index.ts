// Everything extension code calls at run time comes from ./runtime.ts, the module the sandbox
// bundles into each isolate; this entry adds the types and the manifest tooling (Joi, semver)
// that only builds and hosts use.
export * from './runtime.js';
export type { Accountability } from './accountability.js';
export type { AppComponentProps, AppExtensionBase, Component, FieldType, OptionField, StudioApi } from './app.js';
export type { CapabilityName, ContextWith, ExtensionContext, ExtensionLogger } from './context.js';
export type { DisplayDefinition, DisplayProps } from './display.js';
export type { EndpointDefinition, EndpointRequest, EndpointResponse, HttpMethod, RouteHandler, RouteOptions, Router } from './endpoint.js';
export { isErrorCode, type ErrorCode } from './error-codes.js';
export type { ErrorMessageId, ErrorMessageValues } from './error-messages.js';
export type { RelationRow, StoredFieldType } from './data-model.js';
export type { FilterOperator } from './filter-operators.js';
export type { ActionHandler, FilterHandler, HookDefinition, HookEventContext, HookMeta, HookRegister, InitHandler, ScheduleHandler } from './hook.js';
export type { InterfaceDefinition, InterfaceProps } from './interface.js';
export type { AggregateFunction, Filter, Item, ItemsCapability, ItemsOptions, ItemsService, PrimaryKey, Query, QueryInput } from './items.js';
export type { LayoutDefinition, LayoutProps } from './layout.js';
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
export type { OperationContext, OperationDefinition } from './operation.js';
export type { PanelDefinition, PanelProps } from './panel.js';
export type { RequestCapability, RequestOptions, RequestResponse } from './request.js';
export type { HealthCheck, HealthReport, HealthStatus, ServerCapability, ServerInfo } from './server.js';
export type { SchemaApplyStep, SchemaCapability, SchemaDiffResult } from './schema.js';
export type { ExtensionInfo, ExtensionsCapability, RegistryCapability, RegistryListing } from './extensions-capability.js';
export type {
	AuthCapability,
	AuthCookieSettings,
	AuthMode,
	AuthProviderInfo,
	AuthRequestContext,
	AuthTokens,
	PresentedSession,
	ProviderLoginResult,
	ProviderLoginStart,
} from './auth.js';
export type { ItemsRoutesOptions } from './items-routes.js';
export type { VersionModel } from './version-delta.js';
export type { VersionRead } from './version-read.js';
export type { OwnedRoutesOptions } from './owned-routes.js';
export type { AssetRequest, AssetResponse, FilesBody, FilesCallOptions, FilesCapability } from './files.js';
export type {
	FlowIteration,
	FlowPermissions,
	FlowRunOptions,
	FlowRunRecord,
	FlowRunStep,
	FlowsCapability,
	FlowTriggerRequest,
	FlowTriggerResult,
	MailCapability,
	ScriptsCapability,
} from './flows.js';
export type { CallerModel, GraphqlCapability, GraphqlScope, GraphqlSettings, ModelCollection, ModelField, ModelRelation } from './graphql.js';
export type { GraphqlSocket, GraphqlSocketExtra, GraphqlSocketServer, GraphqlSubscriptions, ItemChange } from './graphql-subscriptions.js';
export type { HashCapability } from './hash.js';
export type { MetricsCapability } from './metrics.js';
export type { SharesCapability, ShareTokens } from './shares.js';
