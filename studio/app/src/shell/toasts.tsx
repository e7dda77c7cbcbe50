import { useStore } from '../lib/store.js';
import { dismiss, toasts } from '../lib/toasts.js';

export function Toasts() {
	const list = useStore(toasts);
	return (
		<div class="toasts" aria-live="assertive" aria-atomic="false">
			{list.map((toast) => (
				<div key={toast.id} class={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'}>
					<span>{toast.message}</span>
					<button type="button" class="ghost" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
						×
					</button>
				</div>
			))}
		</div>
	);
}
