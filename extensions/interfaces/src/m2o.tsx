import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { describe, itemsPath, ItemPicker, titlerOf, useAsync, type Key, type Row } from './relational.js';
import type { StudioInterfaceProps } from './shared.js';

/** Many-to-one: shows the chosen item by its title; "Select" searches the related collection. */
function ManyToOne(props: StudioInterfaceProps<Key | Row>) {
	const [picking, setPicking] = useState(false);
	const [picked, setPicked] = useState<Row | null>(null);
	const info = useAsync(() => describe(props.api, props.collection, props.field), [props.collection, props.field]);
	const related = info?.related ?? '';
	const titler = useAsync(async () => (related ? titlerOf(props.api, related) : undefined), [related]);
	const key = props.value && typeof props.value === 'object' ? (props.value as Row).id : props.value;
	const current = useAsync(async () => {
		if (key === null || key === undefined || !titler || !related) return null;
		if (picked && String(picked.id ?? '') === String(key)) return picked;
		return props.api
			.request<Row>(`${itemsPath(related)}/${encodeURIComponent(String(key))}`, { query: { fields: titler.fields.join(',') } })
			.catch(() => ({ id: key }));
	}, [key, titler, related]);
	if (!info) return <p class="muted">Loading…</p>;
	const title = key === null || key === undefined ? null : current ? titler?.title(current) || `#${key}` : `#${key}`;
	return (
		<div class="m2o" id={props.id} role="group" aria-label={props.label}>
			<span class={title ? '' : 'muted'}>{title ?? 'Nothing selected'}</span>
			<button type="button" disabled={props.disabled} onClick={() => setPicking(true)}>
				{title ? 'Change' : 'Select'}
			</button>
			{title && (
				<button type="button" class="ghost" disabled={props.disabled} onClick={() => props.onInput(null)} aria-label={`Clear ${props.label ?? 'selection'}`}>
					Clear
				</button>
			)}
			{picking && (
				<ItemPicker
					api={props.api}
					collection={related}
					onClose={() => setPicking(false)}
					onPick={(picked, row) => {
						setPicked({ ...row, id: picked });
						props.onInput(picked);
						setPicking(false);
					}}
				/>
			)}
		</div>
	);
}

export default defineInterface<Key | Row>({
	id: 'select-dropdown-m2o',
	name: 'Many to one',
	icon: 'arrow_right_alt',
	group: 'relational',
	types: ['integer', 'bigInteger', 'string', 'uuid'],
	component: ManyToOne,
});
