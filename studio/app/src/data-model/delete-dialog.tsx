import { Dialog } from '../shell/dialog.js';

/** Asks before deleting part of the data model, and lists what depends on it and goes with it. */
export function DeleteDialog({
	what,
	dependents,
	onConfirm,
	onClose,
}: {
	what: string;
	dependents: string[];
	onConfirm: () => Promise<void> | void;
	onClose: () => void;
}) {
	return (
		<Dialog title={`Delete ${what}?`} onClose={onClose}>
			<form
				onSubmit={async (event) => {
					event.preventDefault();
					onClose();
					await onConfirm();
				}}
			>
				<p>Its data is deleted, and this can’t be undone.</p>
				{dependents.length > 0 && (
					<>
						<p>These depend on it and are changed or removed too:</p>
						<ul aria-label="What depends on it">
							{dependents.map((dependent) => (
								<li key={dependent}>{dependent}</li>
							))}
						</ul>
					</>
				)}
				<div class="row">
					<button type="button" onClick={onClose} autoFocus>
						Cancel
					</button>
					<button type="submit" class="danger">
						Delete
					</button>
				</div>
			</form>
		</Dialog>
	);
}
