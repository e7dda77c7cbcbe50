import type { StoredFieldType } from './data-model.js';
import type { Filter, Item, PrimaryKey, Query } from './items.js';

/**
 * A Preact function component. Typed loosely so the SDK needs no Preact of its own: the
 * Studio supplies `preact` and `preact/hooks` to every app extension at runtime.
 */
export type Component<Props> = (props: Props) => unknown;

/** The field types of the data model, as the `/fields` endpoint names them. */
export type FieldType = StoredFieldType | 'alias';

/** One option an admin sets when choosing the extension, drawn with an existing interface. */
export interface OptionField {
	field: string;
	name: string;
	type: FieldType;
	meta?: { interface?: string; options?: Record<string, unknown>; width?: 'half' | 'full'; note?: string; required?: boolean };
	schema?: { default_value?: unknown };
}

/** The public API, called as the signed-in user: the Studio's own client, lent to extensions. */
export interface StudioApi {
	request<T = unknown>(path: string, options?: { method?: string; query?: Record<string, unknown>; body?: unknown }): Promise<T>;
}

/** What every app component receives in addition to its own props. */
export interface AppComponentProps<Options> {
	/** The options the admin chose, keyed by `OptionField.field`. */
	options: Options;
	api: StudioApi;
}

export interface AppExtensionBase {
	/** Unique among extensions of the same type; what the data model stores. */
	id: string;
	name: string;
	/** A Material Symbols name, e.g. `star`. */
	icon: string;
	description?: string;
	/** Shown when an admin configures the extension; the component gets their values as `options`. */
	options?: OptionField[];
}

export type { Filter, Item, PrimaryKey, Query };
