import type { AppComponentProps, AppExtensionBase, Component, FieldType } from './app.js';

export interface DisplayProps<Value = unknown, Options = Record<string, unknown>> extends AppComponentProps<Options> {
	value: Value | null;
	collection: string;
	field: string;
	type: FieldType;
}

export interface DisplayDefinition<Value = unknown, Options = Record<string, unknown>> extends AppExtensionBase {
	types: FieldType[];
	component: Component<DisplayProps<Value, Options>>;
	/** The value as plain text, where markup cannot go (exports, titles, tooltips). */
	handler?(value: Value | null, options: Options): string;
}

/** Returns its argument, typed: the Studio reads the default export of the built module. */
export function defineDisplay<Value = unknown, Options = Record<string, unknown>>(
	definition: DisplayDefinition<Value, Options>,
): DisplayDefinition<Value, Options> {
	return definition;
}
