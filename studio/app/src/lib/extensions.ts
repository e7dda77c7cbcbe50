import type { DisplayDefinition, InterfaceDefinition, LayoutDefinition } from '@mantle/extensions-sdk';
import type { FunctionComponent } from 'preact';
import { createStore } from './store.js';

/** Extension components are typed loosely by the SDK (it has no Preact of its own). */
export const asComponent = (component: unknown) => component as FunctionComponent<any>;

export interface Registry {
	interfaces: Map<string, InterfaceDefinition<any, any>>;
	displays: Map<string, DisplayDefinition<any, any>>;
	layouts: Map<string, LayoutDefinition<any>>;
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

/**
 * Imports the app extensions of the given types the kernel lists, each on its own: one that fails
 * to load is recorded and the rest work. Extensions installed later appear at the next page load.
 * Layouts and displays are needed to browse; interfaces only once an item opens, so they load after.
 */
export async function loadExtensions(types: Array<SourceModule['type']>): Promise<void> {
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
	registry.set({ ...next, loaded: new Set([...next.loaded, ...types]) });
}
