import type { AppComponentProps, AppExtensionBase, Component } from './app.js';

export interface PanelProps<Options = Record<string, unknown>> extends AppComponentProps<Options> {
	/** The dashboard the panel sits on. */
	dashboard: string;
	/** In grid units. */
	width: number;
	height: number;
	showHeader: boolean;
}

export interface PanelDefinition<Options = Record<string, unknown>> extends AppExtensionBase {
	component: Component<PanelProps<Options>>;
	/** The smallest size, in grid units, an admin may give the panel. */
	minWidth?: number;
	minHeight?: number;
}

/** Returns its argument, typed: the Studio reads the default export of the built module. */
export function definePanel<Options = Record<string, unknown>>(definition: PanelDefinition<Options>): PanelDefinition<Options> {
	return definition;
}
