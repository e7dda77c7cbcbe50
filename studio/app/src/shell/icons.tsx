/**
 * Icons are Material Symbols names in the data model. The Studio ships no icon font (it would
 * outweigh the rest of the page, and the CSP forbids fetching one), so the names people use most
 * are drawn here as small stroked SVG paths on a 24 px grid; any other name shows its first letter.
 */
const paths: Record<string, string> = {
	box: 'M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10',
	folder: 'M3 6h6l2 2h10v11H3z',
	folder_open: 'M3 19V6h6l2 2h8v3M3 19l3-8h16l-3 8z',
	article: 'M6 3h9l4 4v14H6zM9 11h7M9 15h7',
	description: 'M6 3h9l4 4v14H6zM9 11h7M9 15h7',
	person: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4 21c0-4 4-6 8-6s8 2 8 6',
	people: 'M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zM2 20c0-3.5 3-5.5 7-5.5s7 2 7 5.5M16 4.5a3.5 3.5 0 0 1 0 6.5M19 14.5c2 .6 3 2.4 3 5.5',
	settings: 'M12 15a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9L7 7M17 17l2.1 2.1M4.9 19.1L7 17M17 7l2.1-2.1',
	image: 'M3 5h18v14H3zM3 16l5-5 4 4 3-3 6 6M15.5 9.5h.01',
	label: 'M3 12V3h9l9 9-9 9zM7.5 7.5h.01',
	star: 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z',
	favorite: 'M12 20s-8-4.5-8-10a4.5 4.5 0 0 1 8-2.8A4.5 4.5 0 0 1 20 10c0 5.5-8 10-8 10z',
	home: 'M3 11l9-8 9 8M5 9.5V21h14V9.5M10 21v-6h4v6',
	category: 'M12 3l4 7H8zM3 14h7v7H3zM17.5 21a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7z',
	shopping_cart: 'M3 4h2l2.5 11h11L21 7H6.5M9 20h.01M18 20h.01',
	event: 'M4 5h16v16H4zM4 10h16M8 3v4M16 3v4',
	schedule: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3 3',
	public: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
	link: 'M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1',
	mail: 'M3 5h18v14H3zM3 6l9 7 9-7',
	chat: 'M4 4h16v12H8l-4 4z',
	notifications: 'M6 17v-6a6 6 0 0 1 12 0v6l2 2H4zM10 21h4',
	database: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zM4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
	bookmark: 'M6 3h12v18l-6-4-6 4z',
	search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM16 16l5 5',
	add: 'M12 5v14M5 12h14',
	close: 'M6 6l12 12M18 6L6 18',
	download: 'M12 3v12M7 10l5 5 5-5M4 21h16',
	upload: 'M12 21V9M7 14l5-5 5 5M4 3h16',
	delete: 'M4 7h16M9 7V4h6v3M6 7l1 14h10l1-14',
	edit: 'M4 20h4L19 9l-4-4L4 16z',
	filter_list: 'M3 5h18l-7 8v6l-4 2v-8z',
	widgets: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z',
	table_rows: 'M3 5h18v14H3zM3 10h18M3 15h18',
	lock: 'M6 11h12v10H6zM8 11V7a4 4 0 0 1 8 0v4',
	account_circle: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 12a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM6.5 18.5c1.2-2 3.2-3 5.5-3s4.3 1 5.5 3',
	error: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v6M12 16.5h.01',
	logout: 'M10 4H4v16h6M16 8l4 4-4 4M9 12h11',
	arrow_back: 'M19 12H5M11 6l-6 6 6 6',
	bolt: 'M13 2L4 14h7l-1 8 9-12h-7z',
	insights: 'M4 20V10M10 20V4M16 20v-7M22 20H2',
	storefront: 'M4 10v11h16V10M3 4h18l-1 6H4zM9 21v-6h6v6',
	admin_panel_settings: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6zM9 12l2 2 4-4',
	schema: 'M4 4h6v5H4zM14 15h6v5h-6zM4 15h6v5H4zM7 9v6M10 17.5h4',
	code: 'M8 7l-5 5 5 5M16 7l5 5-5 5',
	check: 'M5 12l5 5 9-10',
};
const aliases: Record<string, string> = {
	photo: 'image',
	group: 'people',
	inventory: 'box',
	inventory_2: 'box',
	files: 'folder',
	perm_media: 'folder',
	bookmarks: 'bookmark',
	sell: 'label',
	tag: 'label',
	calendar_today: 'event',
	language: 'public',
	forum: 'chat',
	notes: 'description',
	dashboard: 'widgets',
	data_object: 'code',
	tune: 'settings',
	flowsheet: 'bolt',
};

export function Icon({ name, label }: { name?: string | null; label?: string }) {
	const a11y = label ? { role: 'img' as const, 'aria-label': label } : { 'aria-hidden': 'true' as const };
	const path = name ? paths[aliases[name] ?? name] : paths.label;
	if (!path) {
		return (
			<span class="icon letter" {...a11y}>
				{name![0]!.toUpperCase()}
			</span>
		);
	}
	return (
		<svg
			class="icon"
			viewBox="0 0 24 24"
			width="1.25em"
			height="1.25em"
			fill="none"
			stroke="currentColor"
			stroke-width="2"
			stroke-linecap="round"
			stroke-linejoin="round"
			{...a11y}
		>
			<path d={path} />
		</svg>
	);
}
