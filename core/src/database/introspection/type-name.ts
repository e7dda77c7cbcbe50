/** `varchar(255)` → `{ base: 'varchar', args: [255] }`; `timestamp(6) with time zone` → `timestamp with time zone`. */
export function parseTypeName(dataType: string): { base: string; args: number[] } {
	const lower = dataType.trim().toLowerCase();
	const match = /\(([^)]*)\)/.exec(lower);
	const args = match
		? match[1]!
				.split(',')
				.map((part) => Number(part.trim()))
				.filter((n) => Number.isFinite(n))
		: [];
	const base = lower
		.replace(/\s*\([^)]*\)/g, '')
		.replace(/\s+/g, ' ')
		.trim();
	return { base, args };
}
