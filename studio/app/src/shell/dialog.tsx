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

/**
 * A dialog holding a form: its fields or message, then Cancel and the button that submits it,
 * named for what it does. `onSubmit` gets the form's values. A `danger` dialog asks before
 * something that can't be undone: its button is red and Cancel has the focus.
 */
export function FormDialog(props: {
	title: string;
	submitLabel: string;
	danger?: boolean;
	onSubmit: (form: FormData) => unknown;
	onClose: () => void;
	children: preact.ComponentChildren;
}) {
	return (
		<Dialog title={props.title} onClose={props.onClose}>
			<form
				onSubmit={async (event) => {
					event.preventDefault();
					await props.onSubmit(new FormData(event.currentTarget));
				}}
			>
				{props.children}
				<div class="row">
					<button type="button" onClick={props.onClose} autoFocus={props.danger}>
						Cancel
					</button>
					<button type="submit" class={props.danger ? 'danger' : 'primary'}>
						{props.submitLabel}
					</button>
				</div>
			</form>
		</Dialog>
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
		<FormDialog
			title={props.title}
			submitLabel={props.submitLabel}
			onClose={props.onClose}
			onSubmit={async (form) => {
				const value = String(form.get('value') ?? '').trim();
				if (value) await props.onSubmit(value);
			}}
		>
			<label>
				{props.label}
				<input name="value" required autoFocus />
			</label>
		</FormDialog>
	);
}

/** Asks before something that can't be undone; the confirming button names the action. */
export function ConfirmDialog(props: {
	title: string;
	message: preact.ComponentChildren;
	confirmLabel: string;
	onConfirm: () => Promise<void> | void;
	onClose: () => void;
}) {
	return (
		<FormDialog
			title={props.title}
			submitLabel={props.confirmLabel}
			danger
			onClose={props.onClose}
			onSubmit={async () => {
				props.onClose();
				await props.onConfirm();
			}}
		>
			<p>{props.message}</p>
		</FormDialog>
	);
}
