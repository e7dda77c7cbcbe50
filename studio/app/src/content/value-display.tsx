import type { DisplayProps, FieldType } from '@mantle/extensions-sdk';
import type { ComponentChildren } from 'preact';
import { studioApi } from '../lib/api.js';
import { asComponent, type Registry } from '../lib/extensions.js';
import { relatedCollection, resolvePath, titleOf, type Schema } from '../lib/schema.js';
import { ExtensionBoundary } from '../shell/boundary.js';

/** The value at `path` (`author.name`), collected across lists for to-many relations. */
export function valueAt(item: Record<string, unknown> | null | undefined, path: string): unknown {
	const step = (value: unknown, key: string) => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);
	let value: unknown = item;
	for (const key of path.split('.')) value = Array.isArray(value) ? value.map((entry: unknown) => step(entry, key)) : step(value, key);
	return value;
}

const defaults: Record<string, string> = { boolean: 'boolean', dateTime: 'datetime', timestamp: 'datetime', date: 'datetime', time: 'datetime' };

export type CellRenderer = (item: Record<string, unknown>) => ComponentChildren;

/**
 * How one column draws its values: the field, its display and the display's options are worked
 * out once per column, not once per cell, so a page of 1,000 rows draws quickly. Each value still
 * sits in its own error boundary: a display that throws loses one cell, not the table.
 */
export function cellRenderer(collection: string, path: string, model: Schema, registry: Registry): CellRenderer {
	const field = resolvePath(collection, path, model);
	const specials = field?.meta?.special ?? [];
	const related =
		field && specials.some((special) => ['m2o', 'o2m', 'm2m', 'file', 'files'].includes(special))
			? relatedCollection(field.collection, field.field, model)
			: null;
	const displayId = field?.meta?.display ?? (related ? 'related-values' : defaults[field?.type ?? '']);
	const display = displayId ? registry.displays.get(displayId) : undefined;
	if (!display || !field) return (item) => plain(valueAt(item, path), related, model);
	const Display = asComponent<DisplayProps>(display.component);
	const options = {
		...(field.meta?.display_options ?? {}),
		relatedCollection: related,
		title: (entry: Record<string, unknown>) => titleOf(related ?? '', entry, model),
	};
	const label = `Display “${display.name}”`;
	return (item) => (
		<ExtensionBoundary label={label}>
			<Display
				value={valueAt(item, path) ?? null}
				collection={field.collection}
				field={field.field}
				type={field.type as FieldType}
				options={options}
				api={studioApi}
			/>
		</ExtensionBoundary>
	);
}

export function plain(value: unknown, related: string | null = null, model?: Schema): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map((entry) => plain(entry, related, model)).join(', ');
	if (typeof value === 'object') return related ? titleOf(related, value as Record<string, unknown>, model) : JSON.stringify(value);
	return String(value);
}
