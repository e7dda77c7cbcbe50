import type { Component, DisplayDefinition, InterfaceDefinition, InterfaceProps, LayoutDefinition, LayoutProps, PrimaryKey } from '@mantle/extensions-sdk';
import type { FunctionComponent } from 'preact';
import { whenIdle } from './idle.js';
import { createStore } from './store.js';

/** What the Studio gives an interface beyond the SDK's props: the id its field label points at, and the label's text. */
export type StudioInterfaceProps = InterfaceProps & { id: string; label: string };

/** What the Studio gives a layout beyond the SDK's props: the key field, item links, the column setter and value rendering. */
export type StudioLayoutProps = LayoutProps & {
	primaryKey: string;
	itemHref(key: PrimaryKey): string;
	setFields(fields: string[]): void;
	renderValue(item: Record<string, unknown>, path: string): unknown;
};

/** Extension components are typed loosely by the SDK (it has no Preact of its own); the Studio renders them with `Props`. */
export const asComponent = <Props>(component: Component<never> | undefined) => component as unknown as FunctionComponent<Props>;

export interface Registry {
	interfaces: Map<string, InterfaceDefinition>;
	displays: Map<string, DisplayDefinition>;
	layouts: Map<string, LayoutDefinition>;
	/** Modules that failed to import, with the reason, for the settings page. */
	failures: Array<{ url: string; message: string }>;
	/** The extension types whose modules have all been tried. */
	loaded: Set<string>;
}

export const registry = createStore<Registry>({ interfaces: new Map(), displays: new Map(), layouts: new Map(), failures: [], loaded: new Set() });

interface SourceModule {
	extension: string;
	type: 'interface' | 'display' | 'layout' | 'panel';
	name?: string;
	url: string;
}

let sources: Promise<SourceModule[]> | undefined;

const started = new Map<SourceModule['type'], Promise<void>>();

/**
 * Imports the app extensions of the given types the kernel lists, each on its own: one that fails
 * to load is recorded and the rest work. Each type is imported once; asking again waits for that.
 * Extensions installed later appear at the next page load.
 */
export function loadExtensions(types: Array<SourceModule['type']>): Promise<void> {
	const wanted = types.filter((type) => !started.has(type));
	if (wanted.length > 0) {
		const loading = importTypes(wanted);
		for (const type of wanted) started.set(type, loading);
	}
	return Promise.all(types.map((type) => started.get(type))).then(() => undefined);
}

/**
 * Interfaces and panels are needed only once an item or a dashboard opens: they load when the
 * browser is idle after the first page draws, or at once when a page asks for them, so they never
 * compete with the first table's own requests.
 */
export function loadRestWhenIdle(): void {
	whenIdle(() => void loadExtensions(['interface', 'panel']));
}

async function importTypes(types: Array<SourceModule['type']>): Promise<void> {
	sources ??= fetch('/extensions/sources/index.json', { credentials: 'same-origin' }).then(
		async (response) => ((await response.json()) as { data: SourceModule[] }).data,
	);
	const data = (await sources).filter((source) => types.includes(source.type));
	const next = registry.get();
	await Promise.all(
		data.map(async (source) => {
			try {
				const module = (await import(/* @vite-ignore */ source.url)) as { default?: { id?: string } };
				const definition = module.default;
				if (!definition?.id) throw new Error('its default export is not a defined extension');
				if (source.type === 'interface') next.interfaces.set(definition.id, definition as InterfaceDefinition);
				else if (source.type === 'display') next.displays.set(definition.id, definition as DisplayDefinition);
				else if (source.type === 'layout') next.layouts.set(definition.id, definition as LayoutDefinition);
			} catch (error) {
				next.failures.push({ url: source.url, message: error instanceof Error ? error.message : String(error) });
			}
		}),
	);
	registry.set({ ...next, loaded: new Set([...registry.get().loaded, ...types]) });
}
