export { errorCatalogue, errorMessage, errorMessages, isErrorCode, type ErrorCode, type ErrorMessageId, type ErrorValues } from './catalogue.js';
export { MantleError, createError, fromCodedError, type ErrorExtensions } from './mantle-error.js';
export { toMantleError, toErrorBody, type ErrorBody } from './to-response.js';
