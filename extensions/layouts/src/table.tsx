import { defineLayout, type PrimaryKey } from '@mantle/extensions-sdk';
import { useRef, useState } from 'preact/hooks';
import { label, plain, type StudioLayoutProps } from './studio-props.js';

function Table(props: StudioLayoutProps) {
	const { items, fields, query, selection } = props;
	const key = props.primaryKey ?? 'id';
	const widths = (props.options.widths as Record<string, number> | undefined) ?? {};
	const sort = (query.sort as string[] | undefined)?.[0];
	const [dragged, setDragged] = useState<string | null>(null);
	const resizing = useRef<{ field: string; startX: number; startWidth: number } | null>(null);
	const allSelected = items.length > 0 && items.every((item) => selection.includes(item[key] as PrimaryKey));

	function toggleSort(field: string) {
		const next = sort === field ? `-${field}` : sort === `-${field}` ? undefined : field;
		props.setQuery({ ...query, sort: next ? [next] : [], page: 1 } as never);
	}

	function move(field: string, to: number) {
		const rest = fields.filter((candidate) => candidate !== field);
		rest.splice(Math.max(0, Math.min(rest.length, to)), 0, field);
		props.setFields?.(rest);
	}

	function startResize(event: PointerEvent, field: string) {
		event.preventDefault();
		event.stopPropagation();
		const th = (event.currentTarget as HTMLElement).parentElement!;
		resizing.current = { field, startX: event.clientX, startWidth: th.getBoundingClientRect().width };
		const onMove = (moveEvent: PointerEvent) => {
			const current = resizing.current;
			if (!current) return;
			th.style.width = `${Math.max(60, current.startWidth + moveEvent.clientX - current.startX)}px`;
		};
		const onUp = (upEvent: PointerEvent) => {
			const current = resizing.current;
			resizing.current = null;
			removeEventListener('pointermove', onMove);
			removeEventListener('pointerup', onUp);
			if (current)
				props.setOptions({
					...props.options,
					widths: { ...widths, [current.field]: Math.round(Math.max(60, current.startWidth + upEvent.clientX - current.startX)) },
				});
		};
		addEventListener('pointermove', onMove);
		addEventListener('pointerup', onUp);
	}

	function resizeWithKeys(event: KeyboardEvent, field: string) {
		if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
		event.preventDefault();
		const th = (event.currentTarget as HTMLElement).parentElement!;
		const width = Math.max(60, th.getBoundingClientRect().width + (event.key === 'ArrowRight' ? 20 : -20));
		props.setOptions({ ...props.options, widths: { ...widths, [field]: Math.round(width) } });
	}

	return (
		<table class="table" aria-label={`${label(props.collection)} items`} aria-rowcount={props.totalCount ?? undefined}>
			<thead>
				<tr>
					<th style={{ width: '44px' }} scope="col">
						<input
							type="checkbox"
							aria-label="Select all on this page"
							checked={allSelected}
							onChange={() => props.setSelection(allSelected ? [] : items.map((item) => item[key] as PrimaryKey))}
						/>
					</th>
					{fields.map((field, index) => {
						const direction = sort === field ? 'ascending' : sort === `-${field}` ? 'descending' : 'none';
						return (
							<th
								key={field}
								scope="col"
								aria-sort={direction}
								style={widths[field] ? { width: `${widths[field]}px` } : undefined}
								draggable
								onDragStart={() => setDragged(field)}
								onDragOver={(event) => event.preventDefault()}
								onDrop={(event) => {
									event.preventDefault();
									if (dragged && dragged !== field) move(dragged, index);
									setDragged(null);
								}}
							>
								<button
									type="button"
									class="link sort"
									data-field={field}
									title="Sort; Alt+Arrow moves the column"
									onClick={() => toggleSort(field)}
									onKeyDown={(event) => {
										if (!event.altKey || (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight')) return;
										event.preventDefault();
										move(field, index + (event.key === 'ArrowLeft' ? -1 : 1));
									}}
								>
									{label(field)}
									<span aria-hidden="true">{direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}</span>
								</button>
								<span
									class="resize-handle"
									role="separator"
									aria-orientation="vertical"
									aria-label={`Resize ${label(field)} column`}
									tabIndex={0}
									onPointerDown={(event) => startResize(event, field)}
									onKeyDown={(event) => resizeWithKeys(event, field)}
								/>
							</th>
						);
					})}
				</tr>
			</thead>
			<tbody>
				{items.length === 0 && !props.loading && (
					<tr>
						<td colSpan={fields.length + 1} class="muted">
							No items.
						</td>
					</tr>
				)}
				{items.map((item, index) => {
					const id = item[key] as PrimaryKey;
					const selected = selection.includes(id);
					// Keyed by position: turning a page updates the rows in place instead of replacing
					// every row's elements, which is most of a page turn's cost at 250 rows and more.
					return (
						<tr key={index} aria-selected={selected} onClick={(event) => !(event.target as Element).closest('input,a,button') && props.openItem(id)}>
							<td>
								<input
									type="checkbox"
									aria-label={`Select item ${id}`}
									checked={selected}
									onChange={() => props.setSelection(selected ? selection.filter((other) => other !== id) : [...selection, id])}
								/>
							</td>
							{fields.map((field, index) => (
								<td key={field} data-field={field}>
									{index === 0 && props.itemHref ? <a href={props.itemHref(id)}>{cell(props, item, field) || `#${id}`}</a> : cell(props, item, field)}
								</td>
							))}
						</tr>
					);
				})}
			</tbody>
		</table>
	);
}

function cell(props: StudioLayoutProps, item: Record<string, unknown>, field: string) {
	return (props.renderValue?.(item, field) ?? plain(item, field)) as never;
}

export default defineLayout({
	id: 'table',
	name: 'Table',
	icon: 'table_rows',
	description: 'Rows and columns: sort by a header, resize and reorder columns, select rows.',
	component: Table,
});
