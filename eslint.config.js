// ESLint 9 flat configuration: typescript-eslint's recommended rules (without type information,
// which would need every package's program and take minutes on two cores) and a line-length cap.
// Import cycles are checked by dpdm in `npm run lint:cycles`, which reads the whole graph once.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { freeTextErrorFiles } from './scripts/lint/free-text-errors.mjs';

// What createError and the error classes may be given, checked in Mantle's own sources (not its tests).
const errorModules = ['core/src/errors/**/*.ts', 'extensions/sdk/src/errors.ts'];
const namedMessage = 'Name a message of the error catalogue (extensions/sdk/src/error-messages.ts) and pass its values instead of a text.';
// After the code or message name comes a values object: written out, or a variable the typecheck
// holds to the message's values (core's createError takes no text at all). A literal, a template,
// a concatenation, a call or a property such as `error.message` is a text.
const valueOf =
	"CallExpression[callee.name='createError'] > ObjectExpression.arguments:nth-child(2) > Property:not([key.name=/^(reason|text)$/], [key.value=/^(reason|text)$/])";
const fragment = ':matches(Literal[value=/ /], TemplateLiteral:has(> TemplateElement[value.raw=/[A-Za-z] | [A-Za-z]/]))';
const createErrorRules = [
	{
		selector: "CallExpression[callee.name='createError'][arguments.length>1]:not([arguments.1.type=/^(ObjectExpression|Identifier)$/])",
		message: namedMessage,
	},
	{
		// `reason` and `text` fill the part of a template that explains (`Invalid payload. {reason}`), so a
		// string or template literal there is a sentence of the call site's own. Names in other values
		// (`{ field: 'url' }`) stay allowed, as do identifiers, numbers and calls (`JSON.stringify(key)`).
		selector:
			"CallExpression[callee.name='createError'] > ObjectExpression.arguments:nth-child(2) > Property:matches([key.name=/^(reason|text)$/], [key.value=/^(reason|text)$/]) > :matches(Literal[value=/./], TemplateLiteral:has(> TemplateElement[value.raw=/./])).value",
		message: 'Name a message of the error catalogue (extensions/sdk/src/error-messages.ts) for this text; its values carry only what varies.',
	},
	{
		// Under any other key a value is a name, a number or a list, never words of a sentence: a string
		// with a space or a template with words (`{ ofType: \` of type ${type}\` }`) is a fragment of the
		// message, which belongs whole in the catalogue. `{ field: 'url' }` and `` `meta.${key}` `` stay allowed.
		// A choice between fragments (`type ? \`"${type}"\` : 'a file without a content type'`) is refused too.
		selector: [
			`${valueOf} > ${fragment}.value`,
			`${valueOf} > :matches(ConditionalExpression, LogicalExpression).value > ${fragment}`,
			`${valueOf} > TemplateLiteral.value > :matches(ConditionalExpression, LogicalExpression) > ${fragment}`,
		].join(', '),
		message: 'Name a message of the error catalogue (extensions/sdk/src/error-messages.ts) for this sentence; its values carry only names and numbers.',
	},
];
const newErrorRules = [
	{
		selector: 'NewExpression[callee.name=/^(MantleError|ExtensionError)$/][arguments.length>1]',
		message: 'Use createError with a message of the error catalogue instead of a text.',
	},
];
// The SDK's createError also takes a text, so a variable there could be one: only `undefined` passes.
const sdkValuesRule = {
	selector: "CallExpression[callee.name='createError'][arguments.1.type='Identifier']:not([arguments.1.name='undefined'])",
	message: `${namedMessage} Write the values object out.`,
};

export default tseslint.config(
	{ ignores: ['**/node_modules/**', '**/dist/**', '**/dist.*/**', '**/.cache/**', 'data/**', 'uploads/**', '**/*.d.ts'] },
	js.configs.recommended,
	...tseslint.configs.recommended,
	{
		files: ['**/*.{ts,tsx,js,mjs}'],
		languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
		linterOptions: { reportUnusedDisableDirectives: 'warn' },
		rules: {
			// Long string and template literals (messages, SQL) read better whole than cut in pieces.
			'max-len': ['error', { code: 160, tabWidth: 2, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
			'@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
			'@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
			'no-undef': 'off',
			// `unknown` and a narrowing say what a value is; the few deliberate `any`s (an untyped client
			// schema, as @directus/sdk has) carry a disable comment with their reason.
			'@typescript-eslint/no-explicit-any': 'error',
		},
	},
	{
		// An error is its code and a catalogue message (core/src/errors, extensions/sdk/src/error-messages.ts):
		// call sites pass values, never a text of their own, so one refusal is spelt one way everywhere.
		files: ['core/src/**/*.ts', 'sandbox/src/**/*.ts', 'registry/src/**/*.ts'],
		ignores: [...freeTextErrorFiles, ...errorModules],
		rules: { 'no-restricted-syntax': ['error', ...createErrorRules, ...newErrorRules] },
	},
	{
		// The SDK's createError keeps a form taking a text, for messages an extension's author writes;
		// Mantle's own extensions pass a values object written out, or nothing.
		files: ['extensions/*/src/**/*.{ts,tsx}'],
		ignores: [...freeTextErrorFiles, ...errorModules],
		rules: { 'no-restricted-syntax': ['error', ...createErrorRules, ...newErrorRules, sdkValuesRule] },
	},
	{
		// The error modules build the classes themselves, from the catalogue.
		files: errorModules,
		rules: { 'no-restricted-syntax': ['error', ...createErrorRules] },
	},
	{
		// Tests read parsed HTTP bodies whose shape the assertions check.
		files: ['**/test/**/*.{ts,tsx}'],
		rules: { '@typescript-eslint/no-explicit-any': 'off' },
	},
);
