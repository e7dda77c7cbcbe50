import { FormDialog } from '../shell/dialog.js';

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
		<FormDialog
			title={`Delete ${what}?`}
			submitLabel="Delete"
			danger
			onClose={onClose}
			onSubmit={async () => {
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
		</FormDialog>
	);
}
