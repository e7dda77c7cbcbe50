import type { AppComponentProps, AppExtensionBase, Component } from './app.js';
import type { Item, PrimaryKey, Query } from './items.js';

export interface LayoutProps<Options = Record<string, unknown>> extends AppComponentProps<Options> {
	collection: string;
	/** The current page of items, read with `query` as the signed-in user. */
	items: Item[];
	totalCount: number | null;
	loading: boolean;
	/** The fields the user chose to see. */
	fields: string[];
	query: Query;
	/** Changes the query (sort, page, limit); the Studio re-reads `items`. */
	setQuery(query: Query): void;
	/** Saves layout options, e.g. column widths, for this user and collection. */
	setOptions(options: Options): void;
	selection: PrimaryKey[];
	setSelection(keys: PrimaryKey[]): void;
	/** Opens the item's edit page. */
	openItem(key: PrimaryKey): void;
}

export interface LayoutDefinition<Options = Record<string, unknown>> extends AppExtensionBase {
	component: Component<LayoutProps<Options>>;
	/** Drawn in the sidebar, to set the layout's options. */
	sidebar?: Component<LayoutProps<Options>>;
}

/** Returns its argument, typed: the Studio reads the default export of the built module. */
export function defineLayout<Options = Record<string, unknown>>(definition: LayoutDefinition<Options>): LayoutDefinition<Options> {
	return definition;
}
