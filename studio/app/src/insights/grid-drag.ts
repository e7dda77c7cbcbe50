import { useRef, useState } from 'preact/hooks';

export interface Dragged {
	id: string;
	x: number;
	y: number;
}

/**
 * Moving a card on a grid by dragging its handle: while the pointer moves, `dragging` holds where
 * to draw it (in grid units, never below `min`); on release, `onDrop` gets the new place if it
 * changed. Buttons inside the handle keep their clicks.
 */
export function useGridDrag(unit: number, min: number, onDrop: (id: string, x: number, y: number) => void) {
	const [dragging, setDragging] = useState<Dragged | null>(null);
	const start = useRef<{ pointerX: number; pointerY: number; x: number; y: number } | null>(null);
	const handlers = (id: string, x: number, y: number) => ({
		onPointerDown(event: PointerEvent) {
			if ((event.target as Element).closest('button')) return;
			(event.currentTarget as Element).setPointerCapture(event.pointerId);
			start.current = { pointerX: event.clientX, pointerY: event.clientY, x, y };
			setDragging({ id, x, y });
		},
		onPointerMove(event: PointerEvent) {
			if (!start.current || dragging?.id !== id) return;
			const nextX = Math.max(min, Math.round(start.current.x + (event.clientX - start.current.pointerX) / unit));
			const nextY = Math.max(min, Math.round(start.current.y + (event.clientY - start.current.pointerY) / unit));
			if (nextX !== dragging.x || nextY !== dragging.y) setDragging({ id, x: nextX, y: nextY });
		},
		onPointerUp() {
			const moved = dragging?.id === id && (dragging.x !== x || dragging.y !== y) ? dragging : null;
			start.current = null;
			setDragging(null);
			if (moved) onDrop(id, moved.x, moved.y);
		},
	});
	/** Where to draw a card: its dragged place while it moves, else its own. */
	const at = (id: string, x: number, y: number) => (dragging?.id === id ? { x: dragging.x, y: dragging.y } : { x, y });
	return { dragging, handlers, at };
}
