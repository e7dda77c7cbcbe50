import { useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { base } from '../lib/router.js';
import { loadSchema, schema, type Collection } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';
import { Drawer } from '../shell/drawer.js';
import { Icon } from '../shell/icons.js';
import { CreateCollection } from './create-collection.js';
import { moveCollection, type Placement } from './ordering.js';
import { PageHeader } from '../lib/list-page.js';

const bySort = (a: Collection, b: Collection) => (a.meta?.sort ?? 999) - (b.meta?.sort ?? 999) || a.collection.localeCompare(b.collection);

/**
 * `/admin/settings/data-model`: every collection in its group, in the order the content
 * navigation shows. Drag a collection onto the top edge of another to place it before that one,
 * onto its middle to nest it inside; the buttons do the same from the keyboard.
 */
export function CollectionList() {
	const model = useStore(schema);
	const [creating, setCreating] = useState(false);
	const [dragged, setDragged] = useState<string | null>(null);
	const user = model.collections.filter((collection) => !collection.collection.startsWith('directus_'));
	const names = new Set(user.map((collection) => collection.collection));
	const childrenOf = (group: string | null) =>
		user.filter((collection) => (collection.meta?.group && names.has(collection.meta.group) ? collection.meta.group : null) === group).sort(bySort);

	async function move(name: string, placement: Placement) {
		try {
			const changes = moveCollection(name, placement, user);
			await Promise.all(changes.map(({ collection, meta }) => api.patch(`/collections/${collection}`, { meta })));
			await loadSchema();
		} catch (error) {
			reportError(error);
		}
	}

	function drop(event: DragEvent, target: string) {
		event.preventDefault();
		const name = dragged ?? event.dataTransfer?.getData('text/plain');
		setDragged(null);
		if (!name || name === target) return;
		const box = (event.currentTarget as HTMLElement).getBoundingClientRect();
		const nest = event.clientY - box.top > box.height / 3;
		void move(name, nest ? { into: target } : { before: target });
	}

	function tree(group: string | null): preact.JSX.Element | null {
		const items = childrenOf(group);
		if (items.length === 0) return null;
		return (
			<ul class="collection-tree" role={group ? 'group' : 'tree'} aria-label={group ? undefined : 'Collections'}>
				{items.map((collection, index) => (
					<li key={collection.collection} role="treeitem" aria-label={collection.collection}>
						<div
							class="row collection-row"
							draggable
							data-collection={collection.collection}
							onDragStart={(event) => {
								setDragged(collection.collection);
								event.dataTransfer?.setData('text/plain', collection.collection);
							}}
							onDragOver={(event) => event.preventDefault()}
							onDrop={(event) => drop(event, collection.collection)}
						>
							<Icon name={collection.meta?.icon ?? (collection.schema ? 'box' : 'folder')} />
							<a href={`${base}/settings/data-model/${collection.collection}`} style={collection.meta?.color ? { color: collection.meta.color } : undefined}>
								{collection.collection}
							</a>
							{!collection.schema && <span class="badge">folder</span>}
							{collection.meta?.hidden && <span class="badge">hidden</span>}
							{collection.meta?.note && <span class="muted">{collection.meta.note}</span>}
							<span class="spacer" />
							<button
								type="button"
								class="ghost"
								aria-label={`Move ${collection.collection} up`}
								disabled={index === 0}
								onClick={() => move(collection.collection, { before: items[index - 1]!.collection })}
							>
								↑
							</button>
							<button
								type="button"
								class="ghost"
								aria-label={`Move ${collection.collection} down`}
								disabled={index === items.length - 1}
								onClick={() => move(collection.collection, { after: items[index + 1]!.collection })}
							>
								↓
							</button>
							{group && (
								<button
									type="button"
									class="ghost"
									aria-label={`Take ${collection.collection} out of ${group}`}
									onClick={() => move(collection.collection, { after: group })}
								>
									⇤
								</button>
							)}
						</div>
						{tree(collection.collection)}
					</li>
				))}
			</ul>
		);
	}

	return (
		<section aria-labelledby="data-model-title">
			<PageHeader titleId="data-model-title" title="Data Model">
				<button type="button" class="primary" onClick={() => setCreating(true)}>
					Create collection
				</button>
			</PageHeader>
			{tree(null) ?? <p class="empty">No collections yet. Create the first one.</p>}
			<details>
				<summary>System collections</summary>
				<ul>
					{model.collections
						.filter((collection) => collection.collection.startsWith('directus_'))
						.map((collection) => (
							<li key={collection.collection}>
								<a href={`${base}/settings/data-model/${collection.collection}`}>{collection.collection}</a>
							</li>
						))}
				</ul>
			</details>
			{creating && (
				<Drawer title="Create collection" onClose={() => setCreating(false)}>
					<CreateCollection
						onCreated={(name) => {
							setCreating(false);
							notify(`Collection “${name}” created.`, 'success');
						}}
					/>
				</Drawer>
			)}
		</section>
	);
}
