import { defineLayout, type PrimaryKey } from '@mantle/extensions-sdk';
import { label, plain, type StudioLayoutProps } from './studio-props.js';

function Cards(props: StudioLayoutProps) {
	const key = props.primaryKey ?? 'id';
	// The first field holding a file with an image type is the card's picture.
	const imageOf = (item: Record<string, unknown>) => {
		for (const value of Object.values(item)) {
			const file = value as { id?: string; type?: string } | null;
			if (file && typeof file === 'object' && typeof file.id === 'string' && file.type?.startsWith('image/')) return file.id;
		}
		return null;
	};
	const [title, ...rest] = props.fields;
	return (
		<ul class="cards" aria-label={`${label(props.collection)} items`}>
			{props.items.map((item) => {
				const id = item[key] as PrimaryKey;
				const image = imageOf(item);
				const selected = props.selection.includes(id);
				return (
					<li key={String(id)} class={`card${selected ? ' selected' : ''}`}>
						<a href={props.itemHref?.(id) ?? '#'} onClick={(event) => !props.itemHref && (event.preventDefault(), props.openItem(id))}>
							<span class="card-image">
								{image ? (
									<img src={`/assets/${encodeURIComponent(image)}?width=300&height=300&fit=cover`} alt="" loading="lazy" />
								) : (
									<span aria-hidden="true">▣</span>
								)}
							</span>
							<strong>{title ? ((props.renderValue?.(item, title) ?? plain(item, title)) as never) : `#${id}`}</strong>
						</a>
						{rest.slice(0, 1).map((field) => (
							<span class="muted" key={field}>
								{(props.renderValue?.(item, field) ?? plain(item, field)) as never}
							</span>
						))}
						<label class="check">
							<input
								type="checkbox"
								checked={selected}
								onChange={() => props.setSelection(selected ? props.selection.filter((other) => other !== id) : [...props.selection, id])}
							/>
							<span class="visually-hidden">Select item {String(id)}</span>
						</label>
					</li>
				);
			})}
		</ul>
	);
}

export default defineLayout({
	id: 'cards',
	name: 'Cards',
	icon: 'grid_view',
	description: 'A card per item with its image: for collections of photos, products, people.',
	component: Cards,
});
