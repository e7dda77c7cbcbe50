export {
	createClient,
	type AuthMode,
	type ClientOptions,
	type Envelope,
	type LoginCredentials,
	type MantleClient,
	type RequestOptions,
	type RetryOptions,
} from './client.js';
export { command, type HttpMethod, type RestCommand, type UploadProgress } from './command.js';
export { MantleError, isMantleError, type ApiErrorCode, type ApiErrorEntry, type ClientErrorCode, type ErrorCode } from './errors.js';
export { memoryStorage, webStorage, type AuthData, type AuthStorage } from './storage.js';
export { queryParams } from './query.js';
export type { AggregateFunction, ApplyFields, CollectionName, FieldPath, Filter, FilterOperators, ItemOf, Query, QueryOutput, SortField } from './schema.js';
export type { Key, SystemItem } from './commands/crud.js';
export * from './commands/access.js';
export * from './commands/activity.js';
export * from './commands/assets.js';
export * from './commands/auth.js';
export * from './commands/collections.js';
export * from './commands/comments.js';
export * from './commands/dashboards.js';
export * from './commands/extensions.js';
export * from './commands/fields.js';
export * from './commands/files.js';
export * from './commands/flows.js';
export * from './commands/folders.js';
export * from './commands/graphql.js';
export * from './commands/items.js';
export * from './commands/notifications.js';
export * from './commands/operations.js';
export * from './commands/panels.js';
export * from './commands/permissions.js';
export * from './commands/policies.js';
export * from './commands/presets.js';
export * from './commands/relations.js';
export * from './commands/revisions.js';
export * from './commands/roles.js';
export * from './commands/schema.js';
export * from './commands/server.js';
export * from './commands/settings.js';
export * from './commands/shares.js';
export * from './commands/translations.js';
export * from './commands/users.js';
export * from './commands/utils.js';
export * from './commands/versions.js';
