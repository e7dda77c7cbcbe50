import { useEffect, useRef } from 'preact/hooks';

/** A side panel: takes focus when it opens, closes on Escape, gives focus back when it closes. */
export function Drawer({ title, onClose, children, wide = false }: { title: string; onClose: () => void; children: preact.ComponentChildren; wide?: boolean }) {
	const panel = useRef<HTMLDivElement>(null);
	useEffect(() => {
		const opener = document.activeElement as HTMLElement | null;
		panel.current?.focus();
		const onKey = (event: KeyboardEvent) => event.key === 'Escape' && onClose();
		addEventListener('keydown', onKey);
		return () => {
			removeEventListener('keydown', onKey);
			opener?.focus?.();
		};
	}, []);
	return (
		<div class="drawer-backdrop" onClick={(event) => event.target === event.currentTarget && onClose()}>
			<div class={`drawer${wide ? ' wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} tabIndex={-1} ref={panel as never}>
				<header>
					<h2>{title}</h2>
					<button type="button" class="ghost" aria-label="Close" onClick={onClose}>
						×
					</button>
				</header>
				<div class="drawer-body">{children}</div>
			</div>
		</div>
	);
}
