import type { AppComponentProps, AppExtensionBase, Component, FieldType } from './app.js';
import type { PrimaryKey } from './items.js';

export interface InterfaceProps<Value = unknown, Options = Record<string, unknown>> extends AppComponentProps<Options> {
	value: Value | null;
	/** Sets the field's new value in the edit form; nothing is saved until the user saves. */
	onInput(value: Value | null): void;
	collection: string;
	field: string;
	type: FieldType;
	/** `'+'` on a new item. */
	primaryKey: PrimaryKey | '+';
	disabled: boolean;
}

export interface InterfaceDefinition<Value = unknown, Options = Record<string, unknown>> extends AppExtensionBase {
	/** The field types this interface can edit; the data model offers it only for those. */
	types: FieldType[];
	component: Component<InterfaceProps<Value, Options>>;
	/** Groups the interface in the data model's picker. */
	group?: 'standard' | 'selection' | 'relational' | 'presentation' | 'group' | 'other';
}

/** Returns its argument, typed: the Studio reads the default export of the built module. */
export function defineInterface<Value = unknown, Options = Record<string, unknown>>(
	definition: InterfaceDefinition<Value, Options>,
): InterfaceDefinition<Value, Options> {
	return definition;
}
