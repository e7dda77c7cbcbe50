/**
 * Icons are Material Symbols names in the data model. The Studio ships no icon font (it would
 * outweigh the rest of the page), so a few common names map to a glyph and the rest to a letter.
 */
const glyphs: Record<string, string> = {
	box: '▦',
	folder: '▤',
	article: '▤',
	person: '☺',
	people: '☺',
	group: '☺',
	settings: '⚙',
	image: '▣',
	photo: '▣',
	label: '◈',
	star: '★',
	favorite: '♥',
	home: '⌂',
	description: '≡',
	inventory: '▦',
	category: '◆',
	shopping_cart: '⛟',
	event: '◷',
	schedule: '◷',
	public: '◍',
	link: '⛓',
	mail: '✉',
	chat: '✎',
	notifications: '♪',
	database: '⛁',
	files: '▤',
};

export function Icon({ name, label }: { name?: string | null; label?: string }) {
	const glyph = (name && glyphs[name]) ?? (name ? name[0]!.toUpperCase() : '•');
	return (
		<span class="icon" aria-hidden={label ? undefined : 'true'} aria-label={label} role={label ? 'img' : undefined}>
			{glyph}
		</span>
	);
}
