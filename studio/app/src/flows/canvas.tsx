import { useGridDrag } from '../insights/grid-drag.js';
import type { Operation } from './api.js';
import { outcomes, type Outcome } from './outcomes.js';

/** Positions are stored in grid units, as Directus stores them. */
export const grid = 20;
export const cardWidth = 10;
export const cardHeight = 6;
/** The trigger has no row of its own: it sits at a fixed place, left of everything. */
export const triggerAt = { x: 2, y: 2 };

export type Slot = { from: 'trigger' } | { from: Operation; on: Outcome };

interface Props {
	triggerLabel: string;
	triggerDetail: string;
	first: string | null;
	operations: Operation[];
	/** Operation type ids to the names the designer shows. */
	typeNames: ReadonlyMap<string, string>;
	onEditTrigger: () => void;
	onEdit: (operation: Operation) => void;
	onAdd: (slot: Slot) => void;
	onMove: (operation: Operation, x: number, y: number) => void;
}

/** Where a link leaves a card: resolve from the upper right, reject from the lower right. */
const port = (x: number, y: number, on: 'resolve' | 'reject' | 'trigger') => ({
	x: (x + cardWidth) * grid,
	y: (y + (on === 'reject' ? cardHeight * 0.75 : on === 'resolve' ? cardHeight * 0.25 : cardHeight / 2)) * grid,
});

function link(from: { x: number; y: number }, to: { x: number; y: number }): string {
	const end = { x: to.x * grid, y: (to.y + cardHeight / 2) * grid };
	const bend = Math.max(40, Math.abs(end.x - from.x) / 2);
	return `M ${from.x} ${from.y} C ${from.x + bend} ${from.y}, ${end.x - bend} ${end.y}, ${end.x} ${end.y}`;
}

/**
 * The trigger and the operations as cards on a grid, joined by green (resolve) and red (reject)
 * links. A card is dragged by its title bar; the new place is saved when it is dropped.
 */
export function Canvas(props: Props) {
	const { operations } = props;
	const {
		dragging,
		handlers,
		at: placeOf,
	} = useGridDrag(grid, 0, (id, x, y) =>
		props.onMove(
			operations.find((operation) => operation.id === id)!,
			x,
			y,
		),
	);
	const at = (operation: Operation) => placeOf(operation.id, operation.position_x, operation.position_y);
	const byId = new Map(operations.map((operation) => [operation.id, operation]));
	const width = Math.max(60, ...operations.map((operation) => at(operation).x + cardWidth + 16)) * grid;
	const height = Math.max(30, ...operations.map((operation) => at(operation).y + cardHeight + 10)) * grid;

	const links: Array<{ key: string; d: string; kind: 'resolve' | 'reject' }> = [];
	const first = props.first ? byId.get(props.first) : undefined;
	if (first) links.push({ key: 'trigger', d: link(port(triggerAt.x, triggerAt.y, 'trigger'), at(first)), kind: 'resolve' });
	for (const operation of operations) {
		for (const on of ['resolve', 'reject'] as const) {
			const next = operation[on] ? byId.get(operation[on]!) : undefined;
			if (next) links.push({ key: `${operation.id}-${on}`, d: link(port(at(operation).x, at(operation).y, on), at(next)), kind: on });
		}
	}

	const place = (x: number, y: number) => ({ left: `${x * grid}px`, top: `${y * grid}px`, width: `${cardWidth * grid}px`, height: `${cardHeight * grid}px` });

	return (
		<div class="flow-canvas" role="region" aria-label="Flow canvas">
			<div class="flow-plane" style={{ width: `${width}px`, height: `${height}px` }}>
				<svg class="flow-links" width={width} height={height} aria-hidden="true">
					{links.map((entry) => (
						<path key={entry.key} d={entry.d} class={`flow-link link-${entry.kind}`} data-link={entry.key} />
					))}
				</svg>
				<article class="flow-card trigger-card" style={place(triggerAt.x, triggerAt.y)} aria-label="Trigger">
					<header>
						<strong>Trigger</strong> <span class="muted">{props.triggerLabel}</span>
					</header>
					<p class="muted">{props.triggerDetail}</p>
					<div class="row">
						<button type="button" onClick={props.onEditTrigger}>
							Edit trigger
						</button>
						{!props.first && (
							<button type="button" class="add-resolve" onClick={() => props.onAdd({ from: 'trigger' })}>
								Add first operation
							</button>
						)}
					</div>
				</article>
				{operations.map((operation) => {
					const { x, y } = at(operation);
					return (
						<article
							key={operation.id}
							class={`flow-card${dragging?.id === operation.id ? ' dragging' : ''}`}
							style={place(x, y)}
							aria-label={`Operation ${operation.name || operation.key}`}
							data-key={operation.key}
						>
							<header class="drag-handle" title="Drag to move" {...(handlers(operation.id, operation.position_x, operation.position_y) as object)}>
								<strong>{operation.name || operation.key}</strong> <span class="muted">{props.typeNames.get(operation.type) ?? operation.type}</span>
							</header>
							<div class="row">
								<button type="button" onClick={() => props.onEdit(operation)}>
									Edit
								</button>
								{(['resolve', 'reject'] as const).map(
									(on) =>
										!operation[on] && (
											<button
												key={on}
												type="button"
												class={`add-${on}`}
												aria-label={`Add an operation when ${operation.key} ${outcomes[on].when}`}
												onClick={() => props.onAdd({ from: operation, on })}
											>
												{outcomes[on].add}
											</button>
										),
								)}
							</div>
						</article>
					);
				})}
			</div>
		</div>
	);
}
