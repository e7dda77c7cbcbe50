import type { ErrorCode } from '../error-codes.js';

/**
 * Query parameters as parseQuery reads them: each message names the parameter and the place inside it.
 */
export const queryParameterMessages = {
	queryNotObject: { code: 'INVALID_QUERY', template: 'The query must be an object of parameters, got {value}' },
	queryAtNotObject: { code: 'INVALID_QUERY', template: 'The query at {path} must be an object of parameters, got {value}' },
	sortEntryEmpty: { code: 'INVALID_QUERY', template: '"{parameter}" entry "{entry}" names no field' },
	searchNotString: { code: 'INVALID_QUERY', template: '"{parameter}" must be a string, got {value}' },
	aggregateUnknown: { code: 'INVALID_QUERY', template: 'Unknown aggregate function "{fn}" in "{parameter}" (known: {known})' },
	aggregateNeedsField: { code: 'INVALID_QUERY', template: '"{parameter}.{fn}" must name at least one field, or "*"' },
	aliasNameInvalid: {
		code: 'INVALID_QUERY',
		template: 'Alias "{alias}" in "{parameter}" must be a simple name (letters, digits, "_" and "-"), without "."',
	},
	aliasTargetInvalid: { code: 'INVALID_QUERY', template: '"{parameter}.{alias}" must be one field path, got {value}' },
	metaUnknown: { code: 'INVALID_QUERY', template: 'Unknown meta "{entry}" in "{parameter}" (known: {known}, *)' },
	exportFormatUnknown: { code: 'INVALID_QUERY', template: '"{parameter}" must be one of {allowed}, got {value}' },
	deepKeyMisplaced: {
		code: 'INVALID_QUERY',
		template: 'Unknown key "{key}" at {path}: query parameters belong under a relational field, as in {"tags":{"{key}":...}}',
	},
	deepEntryNotObject: { code: 'INVALID_QUERY', template: '"{path}" must be an object of _-prefixed query parameters and nested relations, got {value}' },
	deepParameterUnknown: { code: 'INVALID_QUERY', template: 'Unknown deep parameter "{key}" at {path} (known: {known})' },
	filterTooDeepAt: { code: 'INVALID_QUERY', template: 'The filter at {path} nests deeper than {max} levels' },
	filterOperatorWithoutField: {
		code: 'INVALID_QUERY',
		template: 'Filter operator "{operator}" at {path} must be applied to a field, as in {"status":{"{operator}":...}}',
	},
	filterQuantifierWithoutField: {
		code: 'INVALID_QUERY',
		template: '"{quantifier}" at {path} must be applied to a one-to-many field, as in {"tags":{"{quantifier}":{...}}}',
	},
	filterOperatorUnknownAt: { code: 'INVALID_QUERY', template: 'Unknown filter operator "{operator}" at {path}' },
	filterGroupNotList: { code: 'INVALID_QUERY', template: '"{path}" must be an array of filters, got {value}' },
	filterPartNotObject: { code: 'INVALID_QUERY', template: '"{path}" must be a filter object, got {value}' },
	filterKeyDotted: {
		code: 'INVALID_QUERY',
		template: `Filter key "{key}" at {path} can't be a dotted path: nest it, as in {"author":{"name":{"_eq":...}}}`,
	},
	filterRuleNotObject: {
		code: 'INVALID_QUERY',
		template: 'Filter at {path} must be an object of operators (as in {"_eq":...}) or a nested filter, got {value}',
	},
	filterRuleEmpty: { code: 'INVALID_QUERY', template: 'Filter at {path} is empty' },
	filterRuleMixed: { code: 'INVALID_QUERY', template: 'Filter at {path} mixes operators with "{key}"' },
	filterFunctionNeedsOperators: { code: 'INVALID_QUERY', template: 'Filter at {path} must be an object of operators, as in {"_eq":...}' },
	filterQuantifierNotAlone: { code: 'INVALID_QUERY', template: '"{quantifier}" at {path} must be the only key beside the field' },
	filterRangeNotTwo: { code: 'INVALID_QUERY', template: '"{path}" needs exactly two values, got {value}' },
	filterFlagInvalid: { code: 'INVALID_QUERY', template: '"{path}" takes true or false, got {value}' },
	filterOperandNotScalar: { code: 'INVALID_QUERY', template: '"{path}" takes a single value, got {value}' },
	filterOperandNotList: { code: 'INVALID_QUERY', template: '"{path}" takes a list of values, got {value}' },
	functionMalformed: { code: 'INVALID_QUERY', template: 'Malformed function "{call}" in {where}' },
	functionUnknown: { code: 'INVALID_QUERY', template: 'Unknown function "{fn}" in {where} (known: {known})' },
	functionNotLast: { code: 'INVALID_QUERY', template: 'Function "{call}" in {where} must be the last part of its field path' },
	functionNeedsOneField: { code: 'INVALID_QUERY', template: 'Function "{call}" in {where} must take one field name, as in "{fn}(date_created)"' },
	fieldNameEmpty: { code: 'INVALID_QUERY', template: 'Empty field name in {where}' },
	wildcardRefused: { code: 'INVALID_QUERY', template: 'Wildcard "*" is not allowed in {where}' },
	keyProtoRefused: { code: 'INVALID_QUERY', template: 'Key "__proto__" is not allowed at {path}' },
	parameterJsonInvalid: { code: 'INVALID_QUERY', template: '"{parameter}" is not valid JSON: {reason}' },
	parameterNotObject: { code: 'INVALID_QUERY', template: '"{parameter}" must be an object or a JSON string of one, got {value}' },
	parameterNotList: { code: 'INVALID_QUERY', template: '"{parameter}" must be a comma-separated string or an array of strings, got {value}' },
	parameterNotInteger: { code: 'INVALID_QUERY', template: '"{parameter}" must be an integer of at least {min}, got {value}' },
} as const satisfies Record<string, { code: ErrorCode; template: string }>;
