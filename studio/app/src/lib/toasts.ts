import { messageOf } from './api.js';
import { createStore } from './store.js';

export interface Toast {
	id: number;
	kind: 'error' | 'success' | 'info';
	message: string;
}

export const toasts = createStore<Toast[]>([]);
let next = 1;

export function notify(message: string, kind: Toast['kind'] = 'info'): void {
	const id = next++;
	toasts.set((list) => [...list.slice(-4), { id, kind, message }]);
	setTimeout(() => dismiss(id), kind === 'error' ? 8000 : 4000);
}

export function dismiss(id: number): void {
	toasts.set((list) => list.filter((toast) => toast.id !== id));
}

/** The API's message, as the one global error toast. */
export function reportError(error: unknown): void {
	notify(messageOf(error), 'error');
}
