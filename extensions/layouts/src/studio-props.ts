import type { LayoutProps, PrimaryKey } from '@mantle/extensions-sdk';

/**
 * What the Studio passes a layout beyond the SDK's props: the key field, item links, the column
 * setter and value rendering through each field's display. Layouts that don't need them ignore them.
 */
export interface StudioLayoutProps extends LayoutProps<Record<string, unknown>> {
	primaryKey?: string;
	itemHref?: (key: PrimaryKey) => string;
	setFields?: (fields: string[]) => void;
	renderValue?: (item: Record<string, unknown>, path: string) => unknown;
}

export function label(path: string): string {
	const words = path.replace(/[_.-]+/g, ' ').trim();
	return words.charAt(0).toUpperCase() + words.slice(1);
}

export function plain(item: Record<string, unknown>, path: string): string {
	const value = path.split('.').reduce<unknown>((current, key) => (current as Record<string, unknown> | null | undefined)?.[key], item);
	if (value === null || value === undefined) return '';
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
