// The SDK's run-time surface: what an extension's code may call. Trusted extensions import it
// through the package's main entry; the sandbox bundles this module (and only this one) into
// each isolate, so the same extension runs unchanged in both, and a test holds the two to the
// same exports.
export { defineDisplay } from './display.js';
export { defineEndpoint } from './endpoint.js';
export { setCookie } from './cookies.js';
export { ExtensionError, createError } from './errors.js';
export { errorCodes, isErrorCode } from './error-codes.js';
export { errorMessageParts, errorMessages, fillErrorMessage, isErrorMessageId } from './error-messages.js';
export { fieldTypes } from './data-model.js';
export { defineHook } from './hook.js';
export { defineInterface } from './interface.js';
export { aggregateFunctions, exportFormats, metaKeys, type ExportFormat, type MetaKey } from './items.js';
export { comparisonFilterOperators, filterOperators, flagFilterOperators, listFilterOperators, textFilterOperators } from './filter-operators.js';
export { defineLayout } from './layout.js';
export { defineOperation } from './operation.js';
export { definePanel } from './panel.js';
export { inKeyOrder, itemsRoutes } from './items-routes.js';
export { readVersion } from './version-read.js';
export { readRelated, versionModelOf } from './version-model.js';
export { withJunctionKeys } from './junction-keys.js';
export { ownedRoutes, plainQuery, withFilter } from './owned-routes.js';
export { flowCollection, flowItems, flowKeys, flowOptionFields, type FlowItemOptions } from './flow-options.js';
export { moveItem } from './sort.js';
