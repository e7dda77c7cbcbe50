/** Options the Studio adds to every display's own: the related collection and a title helper. */
export interface StudioDisplayOptions {
	relatedCollection?: string | null;
	title?: (item: Record<string, unknown>) => string;
	[option: string]: unknown;
}

export function asText(value: unknown, options: StudioDisplayOptions = {}): string {
	if (value === null || value === undefined) return '';
	if (Array.isArray(value)) return value.map((entry) => asText(entry, options)).join(', ');
	if (typeof value === 'object') return options.title ? options.title(value as Record<string, unknown>) : JSON.stringify(value);
	return String(value);
}
