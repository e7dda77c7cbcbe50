import type { PanelDefinition } from '@mantle/extensions-sdk';

export type { PanelDefinition };

let loading: Promise<Map<string, PanelDefinition>> | undefined;

/**
 * The installed panel extensions, imported once per page. The shell's registry keeps interfaces,
 * displays and layouts; panels are only needed here, so insights loads them itself.
 */
export function loadPanelExtensions(): Promise<Map<string, PanelDefinition>> {
	loading ??= (async () => {
		const panels = new Map<string, PanelDefinition>();
		const response = await fetch('/extensions/sources/index.json', { credentials: 'same-origin' });
		const sources = ((await response.json()) as { data: Array<{ type: string; url: string }> }).data.filter((source) => source.type === 'panel');
		await Promise.all(
			sources.map(async (source) => {
				try {
					const definition = ((await import(/* @vite-ignore */ source.url)) as { default?: PanelDefinition }).default;
					if (definition?.id) panels.set(definition.id, definition);
				} catch (error) {
					console.error(`panel extension ${source.url} failed to load`, error);
				}
			}),
		);
		return panels;
	})();
	return loading;
}
