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
}

export const registry = createStore<Registry>({ interfaces: new Map(), displays: new Map(), layouts: new Map(), failures: [] });

interface SourceModule {
	extension: string;
	type: 'interface' | 'display' | 'layout' | 'panel';
	name?: string;
	url: string;
}

/**
 * Imports every app extension the kernel lists, each on its own: one that fails to load is
 * recorded and the rest work. Extensions installed later appear at the next page load.
 */
export async function loadExtensions(): Promise<void> {
	const response = await fetch('/extensions/sources/index.json', { credentials: 'same-origin' });
	const { data } = (await response.json()) as { data: SourceModule[] };
	const next: Registry = { interfaces: new Map(), displays: new Map(), layouts: new Map(), failures: [] };
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
	registry.set(next);
}
