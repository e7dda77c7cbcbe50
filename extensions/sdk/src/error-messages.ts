import type { ErrorCode } from './error-codes.js';
import { fieldValueMessages } from './error-messages/field-values.js';
import { queryParameterMessages } from './error-messages/query-parameters.js';
import { realtimeMessages } from './error-messages/realtime.js';

/**
 * The messages Mantle answers with when a code's own message is not precise enough, each under
 * one name with its code and template (`{name}` marks a value), as Fastify's `lib/errors.js`
 * defines each error once. Call sites name a message and pass its values
 * (`createError('fieldRequired', { field: 'url' })`), so one refusal is spelt one way everywhere,
 * and the wording Directus clients know stays in one place.
 */
const generalMessages = {
	// Permissions. Directus words these so that what does not exist and what is not allowed read the same.
	noCollectionAccess: { code: 'FORBIDDEN', template: `You don't have permission to access collection "{collection}" or it does not exist.` },
	noFieldAccess: { code: 'FORBIDDEN', template: `You don't have permission to access field "{field}" in collection "{collection}" or it does not exist.` },
	noActionAccess: { code: 'FORBIDDEN', template: `You don't have permission to {action} items in collection "{collection}" or it does not exist.` },
	noItemAccess: { code: 'FORBIDDEN', template: `You don't have permission to access this item of collection "{collection}" or it does not exist.` },
	nestedWriteRefused: { code: 'FORBIDDEN', template: `Related items can't be written through "{collection}" here: give "{field}" as a key.` },
	ownerChangeRefused: { code: 'FORBIDDEN', template: `You can't give {collection} items to another user.` },
	ownerCreateRefused: { code: 'FORBIDDEN', template: `You can't create {collection} items for another user.` },
	shareRoleRefused: { code: 'FORBIDDEN', template: 'A share can only use your own role.' },
	outsideItemsScope: { code: 'FORBIDDEN', template: `The collection "{collection}" is outside this extension's items scope.` },
	outsideActionScope: { code: 'FORBIDDEN', template: `The action "{action}" on "{collection}" is outside this extension's items scope.` },
	metricsAdminOrToken: { code: 'INVALID_CREDENTIALS', template: 'Sign in as an admin or present a metrics token.' },

	// Accounts.
	refreshTokenRequired: { code: 'INVALID_PAYLOAD', template: 'The refresh token is required in either the payload or cookie.' },
	otpRequired: { code: 'INVALID_OTP', template: 'User has two-factor authentication enabled, but no OTP was provided.' },
	tfaAlreadyEnabled: { code: 'INVALID_PAYLOAD', template: 'Two-factor authentication is already enabled for this user.' },
	tfaNotEnabled: { code: 'INVALID_PAYLOAD', template: 'Two-factor authentication is not enabled for this user.' },
	tfaSecretInvalid: { code: 'INVALID_PAYLOAD', template: '"secret" is not a base32 TOTP secret.' },
	urlNotAllowed: { code: 'INVALID_PAYLOAD', template: '"{field}" is not in {variable}.' },
	roleMissing: { code: 'INVALID_PAYLOAD', template: 'Role "{role}" does not exist.' },
	emailTaken: { code: 'RECORD_NOT_UNIQUE', template: 'A user with the email "{email}" already exists.' },

	// Payloads.
	bodyNotObject: { code: 'INVALID_PAYLOAD', template: 'The body must be an object of changes.' },
	bodyNotItems: { code: 'INVALID_PAYLOAD', template: 'The body must be an item or a list of items.' },
	bodyNotBatch: { code: 'INVALID_PAYLOAD', template: 'Send a list of items with their keys, { keys, data } or { query, data }.' },
	bodyNotFileBatch: { code: 'INVALID_PAYLOAD', template: 'Send a list of files with their keys, or { keys, data }.' },
	bodyNotKeysOrQuery: { code: 'INVALID_PAYLOAD', template: 'Send a list of keys, { keys } or { query }.' },
	bodyNotKeys: { code: 'INVALID_PAYLOAD', template: 'Send a list of keys or { keys }.' },
	sortKeysInvalid: { code: 'INVALID_PAYLOAD', template: '"item" and "to" must be the keys of two items.' },
	noSortField: { code: 'INVALID_PAYLOAD', template: 'Collection "{collection}" has no sort field.' },
	bodyNotJsonOrMultipart: { code: 'INVALID_PAYLOAD', template: 'The body must be JSON or multipart/form-data.' },
	payloadNotBoolean: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "{field}" must be true or false.' },
	mailTestAddressInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "to" must be one email address.' },
	bodyNotPlainObject: { code: 'INVALID_PAYLOAD', template: 'The body must be an object.' },
	fieldNotNonEmptyString: { code: 'INVALID_PAYLOAD', template: '"{field}" is required and must be a string.' },
	fieldTooLong: { code: 'INVALID_PAYLOAD', template: '"{field}" is longer than {max} characters.' },
	fieldNotString: { code: 'INVALID_PAYLOAD', template: '"{field}" must be a string.' },
	fieldNotEmail: { code: 'INVALID_PAYLOAD', template: '"{field}" must be an email address.' },
	payloadNul: { code: 'INVALID_PAYLOAD', template: `Text in the payload can't contain the NUL character (\\u0000).` },
	requestNotHttp: { code: 'INVALID_PAYLOAD', template: 'The request could not be read as HTTP.' },
	itemNotObject: { code: 'INVALID_PAYLOAD', template: 'An item of "{collection}" must be an object.' },
	fieldRequired: { code: 'INVALID_PAYLOAD', template: '"{field}" is required.' },
	valueRequired: {
		code: 'FAILED_VALIDATION',
		template: 'Validation failed for field "{field}" in collection "{collection}": a value is required.',
	},
	valueNotNull: {
		code: 'FAILED_VALIDATION',
		template: `Validation failed for field "{field}" in collection "{collection}": the value can't be null.`,
	},
	validationRuleFailed: {
		code: 'FAILED_VALIDATION',
		template: 'Validation failed for field "{field}" in collection "{collection}": value must satisfy {operator}.',
	},

	// Item writes and their nested related items.
	changesNotObject: { code: 'INVALID_PAYLOAD', template: 'The changes to an item of "{collection}" must be an object.' },
	relatedCollectionInvalid: { code: 'INVALID_PAYLOAD', template: '"{collectionField}" must name one of {allowed} to create the item of "{field}".' },
	relatedListInvalid: { code: 'INVALID_PAYLOAD', template: '"{field}" must be a list of items or keys, or { create, update, delete }.' },
	relatedChangesNotLists: { code: 'INVALID_PAYLOAD', template: '"{field}.create", ".update" and ".delete" must be lists.' },
	relatedUpdateNeedsKey: { code: 'INVALID_PAYLOAD', template: 'Each item in "{field}.update" needs its "{primary}".' },

	// The data model.
	collectionExists: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Collection "{collection}" already exists.' },
	collectionNameReserved: {
		code: 'INVALID_PAYLOAD',
		template: 'Invalid payload. Collection names starting with "directus_" or "mantle_" are reserved: "{collection}".',
	},
	collectionUndeletable: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. System collection "{collection}" cannot be deleted.' },
	collectionFolderAliasOnly: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Collection "{collection}" is a folder and can only hold alias fields.' },
	fieldExists: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Field "{field}" already exists in collection "{collection}".' },
	fieldGivenTwice: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Field "{field}" is given twice.' },
	fieldMissing: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Field "{field}" does not exist.' },
	fieldRequiredNeedsDefault: {
		code: 'CONTAINS_NULL_VALUES',
		template: 'Field "{field}" cannot be required without a default: "{collection}" already has rows.',
	},
	fieldHasDuplicates: { code: 'RECORD_NOT_UNIQUE', template: 'Field "{field}" has duplicate values.' },
	fieldValuesTooLong: { code: 'VALUE_TOO_LONG', template: 'Field "{field}" holds values longer than {max} characters.' },
	primaryKeyUndeletable: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. The primary key "{field}" cannot be deleted.' },
	metaSettingUnknown: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "meta.{key}" is not a {kind} setting.' },
	relationExists: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Field "{field}" already has a relation.' },
	relatedCollectionMissing: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Collection "{collection}" does not exist or has no primary key.' },

	// Files.
	multipartRequired: { code: 'UNSUPPORTED_MEDIA_TYPE', template: 'Uploads are sent as multipart/form-data.' },
	multipartInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid multipart body: {reason}' },
	multipartWithoutFile: { code: 'INVALID_PAYLOAD', template: 'No file was sent: the body has no file part.' },
	fileTypeRefused: { code: 'UNSUPPORTED_MEDIA_TYPE', template: 'Files of type {type} are not allowed (FILES_MIME_TYPE_ALLOW_LIST).' },
	urlInvalid: { code: 'INVALID_PAYLOAD', template: '"{url}" is not a valid URL.' },
	urlSchemeRefused: { code: 'INVALID_PAYLOAD', template: 'Only http and https URLs can be {verb} (got {protocol}).' },
	urlPrivateRefused: {
		code: 'FORBIDDEN',
		template: 'Importing from {host} is not allowed: it resolves to {address}, a private or local address (FILES_IMPORT_ALLOW_PRIVATE_NETWORK).',
	},
	urlFetchAnswered: { code: 'INVALID_PAYLOAD', template: `Couldn't fetch file from URL "{url}": it answered {status}.` },
	urlFetchRedirects: { code: 'INVALID_PAYLOAD', template: `Couldn't fetch file from URL "{url}": more than {max} redirects.` },
	urlFetchFailed: { code: 'INVALID_PAYLOAD', template: `Couldn't fetch file from URL "{url}": {reason}` },
	urlFetchStalled: { code: 'SERVICE_UNAVAILABLE', template: `Couldn't fetch file from URL "{url}": it stopped answering.` },

	// Queries.
	filterTooLarge: {
		code: 'INVALID_QUERY',
		template: 'The filter has {size} conditions and operators, more than the {limit} allowed (QUERY_FILTER_MAX_NODES).',
	},
	filterFunctionRefused: { code: 'INVALID_QUERY', template: `Function "{fn}" can't be used on field "{field}".` },
	filterFunctionRefusedForType: { code: 'INVALID_QUERY', template: `Function "{fn}" can't be used on field "{field}" of type {type}.` },
	filterThroughRelatedOnly: { code: 'INVALID_QUERY', template: 'Field "{field}" of collection "{collection}" can only be filtered through its related items.' },
	filterManyToAnyRefused: { code: 'INVALID_QUERY', template: `Many-to-any field "{field}" can't be filtered through its related items.` },
	filterOperatorUnknown: { code: 'INVALID_QUERY', template: 'Unknown filter operator "{operator}".' },
	filterNotObject: { code: 'INVALID_QUERY', template: 'The filter must be an object of field rules.' },
	filterTakesList: { code: 'INVALID_QUERY', template: '"{operator}" takes a list of rules.' },
	ownFieldsOnlyNamed: { code: 'INVALID_QUERY', template: `Only the collection's own fields may be named here, not "{field}".` },
	ownFieldsOnlyFiltered: { code: 'INVALID_QUERY', template: `Only the collection's own fields may be filtered on here, not "{field}".` },
	parameterOutOfRange: { code: 'INVALID_QUERY', template: '"{parameter}" must be a whole number from {min} to {max}.' },
	headersTooLong: {
		code: 'INVALID_QUERY',
		template: 'The request line and headers are longer than 16 KB. Send a long query as the JSON body of a SEARCH request.',
	},
	parameterPrototype: { code: 'INVALID_QUERY', template: 'Query parameter "{parameter}" names "__proto__", which is not allowed.' },
	parameterNul: { code: 'INVALID_QUERY', template: `Query parameters can't contain the NUL character (%00).` },
	parameterUnavailable: { code: 'INVALID_QUERY', template: `The "{parameter}" query parameter isn't available here.` },
	parameterNotJson: { code: 'INVALID_QUERY', template: '"{parameter}" must be valid JSON.' },
	searchBodyInvalid: { code: 'INVALID_QUERY', template: 'SEARCH needs a body of the form { "query": { ... } }.' },

	// Item reads: fields, sorting, grouping, dynamic variables and filter values (the data engine).
	readTooWide: { code: 'INVALID_QUERY', template: 'The query reads more than {max} nested relations: name the fields instead of wildcards.' },
	queryTooDeep: { code: 'INVALID_QUERY', template: 'The query goes {depth} relations deep; at most {max} are allowed (QUERY_MAX_DEPTH).' },
	queryTooDeepBeyond: { code: 'INVALID_QUERY', template: 'The query goes more than {depth} relations deep; at most {max} are allowed (QUERY_MAX_DEPTH).' },
	fieldNotRelational: {
		code: 'INVALID_QUERY',
		template: `Field "{field}" of collection "{collection}" is not a relational field, so "{field}.{subfield}" can't be read.`,
	},
	responseTooLarge: { code: 'INVALID_QUERY', template: 'The response would be too large: ask for fewer nested relations or fewer rows.' },
	sortThroughRefused: { code: 'INVALID_QUERY', template: `Can't sort on "{path}": only many-to-one fields can be sorted through.` },
	sortWithoutValue: { code: 'INVALID_QUERY', template: `Can't sort on "{path}": it has no value of its own.` },
	groupByRefused: { code: 'INVALID_QUERY', template: `Can't group by "{path}".` },
	groupSortRefused: {
		code: 'INVALID_QUERY',
		template: `Can't sort grouped results by "{name}": sort by a groupBy field or an aggregate such as "count" or "sum.views".`,
	},
	aggregateNeedsNumber: { code: 'INVALID_QUERY', template: '"{fn}" needs a numeric field; "{field}" is {type}.' },
	functionNeedsOrder: { code: 'INVALID_QUERY', template: '"{fn}" needs a field that can be ordered; "{field}" is {type}.' },
	filterOperatorRefused: { code: 'INVALID_QUERY', template: `Filter operator "{operator}" can't be used on field "{field}" of type {type}.` },
	filterNeedsTwoValues: { code: 'INVALID_QUERY', template: '"{operator}" needs exactly two values.' },
	filterNeedsOneValue: { code: 'INVALID_QUERY', template: '"{operator}" compares with one value, got a list.' },
	filterValueInvalid: { code: 'INVALID_QUERY', template: 'Invalid filter value "{value}" for {target}: expected {expected}.' },
	filterListTooLong: { code: 'INVALID_QUERY', template: 'A list filter holds at most {max} values that are not numbers, got {count}.' },
	nowAdjustmentInvalid: { code: 'INVALID_QUERY', template: '"{value}" is not a valid $NOW adjustment (e.g. $NOW(-1 year)).' },
	nowOutOfRange: { code: 'INVALID_QUERY', template: '"{value}" lies outside the years 0 to 9999.' },

	// Item writes and imports through the items service.
	itemsNotList: { code: 'INVALID_PAYLOAD', template: 'Expected a list of items.' },
	batchItemNeedsKey: { code: 'INVALID_PAYLOAD', template: 'Each item needs its "{field}" to be updated in a batch.' },
	importFormEmpty: { code: 'INVALID_PAYLOAD', template: 'The form holds no file to import.' },
	importTypeRefused: { code: 'UNSUPPORTED_MEDIA_TYPE', template: `Can't import "{type}": send JSON or CSV` },
	importFileTypeRefused: { code: 'UNSUPPORTED_MEDIA_TYPE', template: `Can't import "{type}" ("{file}"): send JSON or CSV` },
	importTypeMissing: { code: 'UNSUPPORTED_MEDIA_TYPE', template: `Can't import a file without a content type: send JSON or CSV` },
	importFileTypeMissing: { code: 'UNSUPPORTED_MEDIA_TYPE', template: `Can't import a file without a content type ("{file}"): send JSON or CSV` },
	importJsonInvalidAt: { code: 'INVALID_PAYLOAD', template: 'Invalid JSON at line {line}, column {column}: {reason}' },
	importJsonNotList: { code: 'INVALID_PAYLOAD', template: 'A JSON import must be an array of items at the top level' },
	importJsonInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid JSON: {reason}' },
	importItemNotObject: { code: 'INVALID_PAYLOAD', template: 'Item {index} of the JSON import must be an object, got {value}' },
	importCsvLineTooLong: { code: 'INVALID_PAYLOAD', template: 'Line {line} of the CSV import has {cells} cells, more than its header has columns' },
	importCsvInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid CSV: {reason}' },
	importCsvColumnUnnamed: { code: 'INVALID_PAYLOAD', template: 'Column {index} of the CSV header has an empty name{shown}' },
	importCsvColumnRefused: { code: 'INVALID_PAYLOAD', template: `Column {index} of the CSV header can't be named "{column}"` },
	importCsvColumnTwice: { code: 'INVALID_PAYLOAD', template: 'Column "{column}" appears twice in the CSV header' },
	importCsvColumnsOverlap: {
		code: 'INVALID_PAYLOAD',
		template: `CSV header columns "{other}" and "{column}" overlap: one can't be both a value and an object`,
	},

	// Flow operations.
	operationNeedsOption: { code: 'INVALID_PAYLOAD', template: 'The {operation} operation needs its "{option}".' },
	mailNeedsRecipient: { code: 'INVALID_PAYLOAD', template: 'The mail operation needs at least one address in "to".' },
	mailTypeUnknown: { code: 'INVALID_PAYLOAD', template: '"{value}" is not a mail type: use markdown, wysiwyg or template.' },
	notificationNeedsRecipient: { code: 'INVALID_PAYLOAD', template: 'The notification operation needs at least one "recipient".' },
	requestMethodRefused: { code: 'INVALID_PAYLOAD', template: '"{value}" is not an HTTP method the request operation sends: use {allowed}.' },
	sleepOutOfRange: { code: 'INVALID_PAYLOAD', template: '"milliseconds" must be a number from 0 to {max}.' },
	jwtNeedsToken: { code: 'INVALID_PAYLOAD', template: 'The JSON web token operation needs its "token".' },
	jwtNeedsPayload: { code: 'INVALID_PAYLOAD', template: 'The JSON web token operation needs a "payload" object to sign.' },
	jwtSecretTooShort: { code: 'INVALID_PAYLOAD', template: '"secret" must be at least 16 characters long.' },
	jwtOperationUnknown: { code: 'INVALID_PAYLOAD', template: '"{value}" is not a JSON web token operation: use sign, verify or decode.' },
	operationTargetFailed: { code: 'SERVICE_UNAVAILABLE', template: '{url} answered {status}.' },
	operationTokenNotVerified: { code: 'INVALID_TOKEN', template: 'The token did not verify: {reason}.' },
	operationNeedsPayloadObject: { code: 'INVALID_PAYLOAD', template: 'The {operation} operation needs a "payload" object.' },
	operationNeedsPayloadObjectOrList: { code: 'INVALID_PAYLOAD', template: 'The {operation} operation needs a "payload" object or list.' },
	operationPayloadNotJson: { code: 'INVALID_PAYLOAD', template: `The {operation} operation's "{option}" is not valid JSON.` },
	operationNeedsTarget: { code: 'INVALID_PAYLOAD', template: 'The {operation} operation needs a "key" or a "query".' },
	operationNeedsFilteredTarget: { code: 'INVALID_PAYLOAD', template: 'The {operation} operation needs a "key" or a "query" with a filter.' },

	flowMethodRefused: { code: 'METHOD_NOT_ALLOWED', template: 'This flow is triggered with {expected}, not {method}.' },
	flowCollectionRefused: { code: 'INVALID_PAYLOAD', template: `"collection" must be one of the flow's collections: {collections}.` },
	flowKeysRequired: { code: 'INVALID_PAYLOAD', template: '"keys" must be a non-empty list of item keys.' },
	flowTooDeep: { code: 'INVALID_PAYLOAD', template: 'Flows triggered one another more than {max} deep (FLOWS_MAX_DEPTH); "{flow}" was not run.' },
	flowTooLong: { code: 'INVALID_PAYLOAD', template: 'The flow "{flow}" passed through {max} operations and was stopped (FLOWS_MAX_STEPS).' },
	operationTypeMissing: { code: 'INVALID_PAYLOAD', template: 'No operation of type "{type}" is installed.' },
	scriptEmpty: { code: 'INVALID_PAYLOAD', template: 'The script is empty.' },
	requestTooLarge: { code: 'CONTENT_TOO_LARGE', template: 'The response of {origin} is larger than {limit} bytes.' },
	requestTimedOut: { code: 'SERVICE_UNAVAILABLE', template: '{origin} did not answer within {seconds} s.' },
	requestFailed: { code: 'SERVICE_UNAVAILABLE', template: 'The request to {origin} failed: {reason}' },

	// Routes and services.
	routeMissing: { code: 'ROUTE_NOT_FOUND', template: `Route {path} doesn't exist.` },
	// What Hapi answers for a path it has no route for, worded as Directus words it.
	routeUnknown: { code: 'ROUTE_NOT_FOUND', template: `Route doesn't exist.` },
	registryUnreachable: { code: 'SERVICE_UNAVAILABLE', template: 'The extension registry at {url} did not answer: {reason}.' },
	registryAnswered: { code: 'SERVICE_UNAVAILABLE', template: 'The extension registry answered {status} for {path}.' },
	registryPackageMissing: { code: 'FORBIDDEN', template: 'The registry has no such extension ({path}).' },
	registryTarballElsewhere: {
		code: 'FORBIDDEN',
		template: `The package's tarball is at {origin}, not on the configured registry {registry}: refused.`,
	},
	registryTarballFailed: { code: 'SERVICE_UNAVAILABLE', template: 'The registry answered {status} for the tarball {url}.' },
	registryTarballTooLarge: { code: 'CONTENT_TOO_LARGE', template: 'The package is larger than {limit} bytes.' },
	registryVersionMissing: { code: 'INVALID_PAYLOAD', template: 'No version of {name} matches "{wanted}".' },
	packageNameInvalid: { code: 'INVALID_PAYLOAD', template: '"{name}" is not a valid package name.' },
	registryInstallRefused: { code: 'INVALID_PAYLOAD', template: '{name}@{version} was not installed: {reason}' },
	notFromRegistry: { code: 'FORBIDDEN', template: '{name} was not installed from the registry.' },
	installedNotLoaded: { code: 'SERVICE_UNAVAILABLE', template: '{name} was installed but is not among the loaded extensions.' },
	registryMissing: { code: 'SERVICE_UNAVAILABLE', template: 'No extension registry is configured (EXTENSIONS_REGISTRY).' },
	noMailServer: { code: 'SERVICE_UNAVAILABLE', template: 'No mail server is configured (EMAIL_SMTP_HOST).' },
	noGraphql: { code: 'SERVICE_UNAVAILABLE', template: 'GraphQL is not available on this instance.' },
	studioNotBuilt: { code: 'SERVICE_UNAVAILABLE', template: 'The Studio has not been built: run `npm run build`.' },
	storageKeyInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid storage key {key}: keys are relative paths without ".", ".." or empty segments.' },
	storageKeyOutsideRoot: { code: 'INVALID_PAYLOAD', template: 'Invalid storage key {key}: it leaves the storage root.' },
	storageLocationUnknown: { code: 'INVALID_PAYLOAD', template: 'Unknown storage location {name}; configured locations: {names}.' },
	rateLimiterNeedsRedis: { code: 'SERVICE_UNAVAILABLE', template: 'The redis rate-limiter store needs REDIS.' },
	noDataEngine: { code: 'SERVICE_UNAVAILABLE', template: 'This kernel has no data engine.' },

	// Assets and byte ranges (the asset endpoint's transformations and the storage drivers' reads).
	rangeNotSatisfiable: { code: 'RANGE_NOT_SATISFIABLE', template: 'Requested range {range} is not satisfiable.' },
	rangeBeyondFile: { code: 'RANGE_NOT_SATISFIABLE', template: 'Requested range {range} is not satisfiable for a {size}-byte file.' },
	// Generic on purpose: a rejection from a store must not tell a client where files live.
	fileNotFound: { code: 'ROUTE_NOT_FOUND', template: 'File not found.' },
	transformsDisabled: { code: 'FORBIDDEN', template: 'Asset transformations are disabled (storage_asset_transform).' },
	transformsPresetsOnly: { code: 'FORBIDDEN', template: 'Only transformation presets are allowed (storage_asset_transform).' },
	transformPresetMissing: { code: 'INVALID_QUERY', template: `Transformation preset "{key}" isn't configured.` },
	parameterNotOneOf: { code: 'INVALID_QUERY', template: '"{parameter}" must be one of {allowed}.' },
	resizeFitNotOneOf: { code: 'INVALID_QUERY', template: '"resize fit" must be one of {allowed}.' },
	formatNotOneOf: { code: 'INVALID_QUERY', template: '"format" must be one of jpg, png, webp, avif, tiff or auto.' },
	transformDimensionTooLarge: {
		code: 'ILLEGAL_ASSET_TRANSFORMATION',
		template: '"{parameter}" may not exceed {max} pixels (ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION).',
	},
	transformsNotJson: { code: 'INVALID_QUERY', template: '"transforms" must be a JSON array such as [["blur", 10]].' },
	transformsTooMany: { code: 'INVALID_QUERY', template: '"transforms" must be an array of at most {max} operations.' },
	transformNotArray: { code: 'INVALID_QUERY', template: 'Each transform is an array: the operation name, then its arguments.' },
	transformNotAllowed: { code: 'INVALID_QUERY', template: 'The transform "{transform}" is not allowed; allowed: {allowed}.' },
	transformNotAvailable: { code: 'INVALID_QUERY', template: 'The transform "{transform}" is not available.' },
	transformArgumentsInvalid: { code: 'INVALID_QUERY', template: 'Invalid arguments for the transform "{transform}": {reason}' },
	transformResizeShape: { code: 'INVALID_QUERY', template: 'The transform "resize" takes a width, a height and an options object.' },
	transformResizeNeedsSize: { code: 'INVALID_QUERY', template: 'The transform "resize" needs a width or a height.' },
	transformOptionUnknown: { code: 'INVALID_QUERY', template: 'The transform "{transform}" has no option "{option}"; allowed: {allowed}.' },
	imageTooLarge: {
		code: 'ILLEGAL_ASSET_TRANSFORMATION',
		template: 'The image is too large to transform: more than {max}×{max} pixels (ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION).',
	},
	imageNotTransformable: { code: 'ILLEGAL_ASSET_TRANSFORMATION', template: 'The image cannot be transformed: {reason}' },
	transformsBusy: {
		code: 'SERVICE_UNAVAILABLE',
		template: 'Too many image transformations are running; retry shortly (ASSETS_TRANSFORM_MAX_CONCURRENT).',
	},
	transformTimedOut: { code: 'SERVICE_UNAVAILABLE', template: 'The image transformation took longer than {ms} ms (ASSETS_TRANSFORM_TIMEOUT).' },

	// Single sign-on.
	ssoStateMissing: { code: 'INVALID_CREDENTIALS', template: 'The login state is missing or has expired; start the login again.' },
	ssoProfileIncomplete: { code: 'INVALID_CREDENTIALS', template: `The provider's profile has no "{key}".` },
	ssoUserNotRegistered: { code: 'INVALID_CREDENTIALS', template: 'This user is not registered.' },
	ssoProviderUnconfigured: { code: 'INVALID_PROVIDER_CONFIG', template: 'The provider "{provider}" could not be configured: {reason}' },
	fieldNotOneOf: { code: 'INVALID_PAYLOAD', template: '"{field}" must be one of {allowed}.' },

	// Content versions and GraphQL (the versions and graphql extensions).
	versionBodyInvalid: { code: 'INVALID_PAYLOAD', template: 'The body must be a version: { key, name, collection, item }.' },
	versionKeyInvalid: { code: 'INVALID_PAYLOAD', template: '"key" must be 1 to 64 letters, digits, "-" or "_", and not "main".' },
	versionKeyTaken: { code: 'RECORD_NOT_UNIQUE', template: 'Item {item} of "{collection}" already has a version "{key}".' },
	versionMainChanged: { code: 'UNPROCESSABLE_CONTENT', template: 'The main item has changed since this version was compared; compare it again.' },
	graphqlIntrospectionDisabled: { code: 'FORBIDDEN', template: 'GraphQL introspection is disabled on this instance.' },
	versioningDisabled: { code: 'UNPROCESSABLE_CONTENT', template: 'Content versioning is not enabled for collection "{collection}".' },

	// Schema snapshots and field types.
	fieldTypeNotCreatable: { code: 'INVALID_PAYLOAD', template: 'Fields of type "{type}" cannot be created.' },
	snapshotFormatUnsupported: {
		code: 'INVALID_PAYLOAD',
		template: 'Invalid payload. Snapshot format version {version} is not supported; this Mantle {mantle} reads version {supported}.',
	},
	snapshotFromNewerMajor: {
		code: 'INVALID_PAYLOAD',
		template:
			'Invalid payload. The snapshot was taken with Mantle {taken}, a newer major version than this Mantle {mantle}; upgrade Mantle, or force the diff to try anyway.',
	},
	snapshotDiffStale: {
		code: 'INVALID_PAYLOAD',
		template: 'Invalid payload. The schema has changed since this diff was computed (its hash no longer matches); compute a new diff and apply that.',
	},
	snapshotNotParsed: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. The snapshot is neither JSON nor YAML: {reason}' },
	snapshotDiffTargetMissing: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. The diff changes "{name}", which does not exist.' },

	// Comments and flow conditions.
	commentChangeInvalid: { code: 'INVALID_PAYLOAD', template: `Only "comment" can be changed, to a text that isn't empty.` },
	conditionFailed: { code: 'FAILED_VALIDATION', template: 'The condition did not hold: {failures}.' },

	// Extensions.
	extensionFirstParty: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. {name} is part of Mantle; its settings cannot change.' },
	extensionSettingsEmpty: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Give "meta.enabled" or "meta.trusted".' },
	extensionNameRequired: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "extension" must name the package to install.' },
	extensionVersionInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "version" must be a version, a range or a tag.' },

	// Texts Mantle answers with but did not write, each under the name of where it comes from, so
	// that every message not worded here is listed here: the sandbox's account of an extension that
	// could not answer, the error text of a flow operation that rejected, a field's `validation_message`,
	// joi's account of what a schema refused.
	sandboxUnavailable: { code: 'SERVICE_UNAVAILABLE', template: '{text}' },
	flowOperationFailed: { code: 'INVALID_PAYLOAD', template: '{text}' },
	flowRejected: { code: 'INVALID_PAYLOAD', template: 'The flow "{flow}" rejected.' },
	fieldValidationMessage: { code: 'FAILED_VALIDATION', template: '{text}' },
	// Joi's account of the first detail a route's or the data model's schema refused.
	joiPayloadMessage: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. {text}.' },
	joiQueryMessage: { code: 'INVALID_QUERY', template: 'Invalid query. {text}.' },
} as const satisfies Record<string, { code: ErrorCode; template: string }>;

/** The catalogue in its parts, each a section of it; a name is in one part only (a test checks: a spread would let a later part silently win). */
export const errorMessageParts = { generalMessages, queryParameterMessages, fieldValueMessages, realtimeMessages };

export const errorMessages = { ...generalMessages, ...queryParameterMessages, ...fieldValueMessages, ...realtimeMessages };

export type ErrorMessageId = keyof typeof errorMessages;

// A placeholder is a bare name between the braces nearest to each other, as the filling reads it:
// `{ keys, data }` and the JSON of `{"tags":{"{key}":...}}` are text around the placeholder `key`.
type Placeholders<T extends string> = T extends `${infer Head}}${infer Rest}`
	? (Head extends `${string}{${string}` ? BareName<AfterLastBrace<Head>> : never) | Placeholders<Rest>
	: never;
type AfterLastBrace<T extends string> = T extends `${string}{${infer After}` ? AfterLastBrace<After> : T;
type BareName<T extends string> = T extends '' | `${string}${' ' | '"' | ':' | '.' | ',' | '{'}${string}` ? never : T;

/** The values a message's template names, e.g. `{ field: string; collection: string }`. */
export type ErrorMessageValues<M extends ErrorMessageId> = Record<Placeholders<(typeof errorMessages)[M]['template']>, string | number>;

export function isErrorMessageId(id: unknown): id is ErrorMessageId {
	return typeof id === 'string' && Object.hasOwn(errorMessages, id);
}

/** A message's code and its template filled with `values`. */
export function fillErrorMessage(id: ErrorMessageId, values: Record<string, string | number> = {}): { code: ErrorCode; message: string } {
	const { code, template } = errorMessages[id];
	return { code, message: template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? '')) };
}
