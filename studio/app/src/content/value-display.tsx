import { asComponent, registry } from '../lib/extensions.js';
import { studioApi } from '../lib/api.js';
import { relatedCollection, resolvePath, schema, titleOf } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { ExtensionBoundary } from '../shell/boundary.js';

/** The value at `path` (`author.name`), collected across lists for to-many relations. */
export function valueAt(item: Record<string, any> | null | undefined, path: string): unknown {
	let value: any = item;
	for (const key of path.split('.')) {
		if (Array.isArray(value)) value = value.map((entry) => entry?.[key]);
		else value = value?.[key];
	}
	return value;
}

const defaults: Record<string, string> = { boolean: 'boolean', dateTime: 'datetime', timestamp: 'datetime', date: 'datetime', time: 'datetime' };

/** A value through its field's display, or as readable text where the field names none. */
export function ValueDisplay({ collection, path, item }: { collection: string; path: string; item: Record<string, unknown> }) {
	const model = useStore(schema);
	const { displays } = useStore(registry);
	const field = resolvePath(collection, path, model);
	const value = valueAt(item, path);
	const specials = field?.meta?.special ?? [];
	const related = field && specials.some((special) => ['m2o', 'o2m', 'm2m', 'file', 'files'].includes(special)) ? relatedCollection(field.collection, field.field, model) : null;
	const displayId = field?.meta?.display ?? (related ? 'related-values' : defaults[field?.type ?? '']);
	const display = displayId ? displays.get(displayId) : undefined;
	if (display && field) {
		const Display = asComponent(display.component);
		return (
			<ExtensionBoundary label={`Display “${display.name}”`}>
				<Display value={value ?? null} collection={field.collection} field={field.field} type={field.type as never} options={{ ...(field.meta?.display_options ?? {}), relatedCollection: related, title: (entry: Record<string, unknown>) => titleOf(related ?? '', entry, model) }} api={studioApi} />
			</ExtensionBoundary>
		);
	}
	return <>{plain(value, related)}</>;
}

export function plain(value: unknown, related: string | null = null): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map((entry) => plain(entry, related)).join(', ');
	if (typeof value === 'object') return related ? titleOf(related, value as Record<string, unknown>) : JSON.stringify(value);
	return String(value);
}
