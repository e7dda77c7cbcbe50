import { useEffect, useRef } from 'preact/hooks';

/**
 * A modal dialog on the native `<dialog>` element: the browser traps focus in it, closes it on
 * Escape and gives focus back to the opener, so every dialog behaves the same way.
 */
export function Dialog({ title, onClose, children }: { title: string; onClose: () => void; children: preact.ComponentChildren }) {
	const element = useRef<HTMLDialogElement>(null);
	useEffect(() => {
		const dialog = element.current!;
		dialog.showModal();
		return () => dialog.close();
	}, []);
	return (
		<dialog
			class="dialog"
			aria-label={title}
			ref={element as never}
			onCancel={(event) => {
				event.preventDefault();
				onClose();
			}}
			onClick={(event) => event.target === event.currentTarget && onClose()}
		>
			<h2>{title}</h2>
			{children}
		</dialog>
	);
}

/** A dialog that asks for one line of text, e.g. a folder's name. */
export function PromptDialog(props: {
	title: string;
	label: string;
	submitLabel: string;
	onSubmit: (value: string) => Promise<void> | void;
	onClose: () => void;
}) {
	return (
		<Dialog title={props.title} onClose={props.onClose}>
			<form
				onSubmit={async (event) => {
					event.preventDefault();
					const value = String(new FormData(event.currentTarget).get('value') ?? '').trim();
					if (value) await props.onSubmit(value);
				}}
			>
				<label>
					{props.label}
					<input name="value" required autoFocus />
				</label>
				<div class="row">
					<button type="button" onClick={props.onClose}>
						Cancel
					</button>
					<button type="submit" class="primary">
						{props.submitLabel}
					</button>
				</div>
			</form>
		</Dialog>
	);
}

/** Asks before something that can't be undone; the confirming button names the action. */
export function ConfirmDialog(props: { title: string; message: string; confirmLabel: string; onConfirm: () => Promise<void> | void; onClose: () => void }) {
	return (
		<Dialog title={props.title} onClose={props.onClose}>
			<form
				onSubmit={async (event) => {
					event.preventDefault();
					props.onClose();
					await props.onConfirm();
				}}
			>
				<p>{props.message}</p>
				<div class="row">
					<button type="button" onClick={props.onClose} autoFocus>
						Cancel
					</button>
					<button type="submit" class="danger">
						{props.confirmLabel}
					</button>
				</div>
			</form>
		</Dialog>
	);
}
