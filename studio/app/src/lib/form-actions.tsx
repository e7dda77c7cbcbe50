import type { ComponentChildren } from 'preact';

/**
 * The foot of an editing form: the API's refusal, if any, then the submit button named for what it
 * saves, Cancel, and the form's further actions (Delete). Where the fields are not in a `<form>`
 * (the field editor's drawer), `onSubmit` is what the save button does.
 */
export function FormActions(props: {
	problem?: string | null;
	submit: ComponentChildren;
	busy?: boolean;
	onSubmit?: () => unknown;
	onCancel: () => void;
	children?: ComponentChildren;
}) {
	return (
		<>
			{props.problem && (
				<p class="form-error" role="alert">
					{props.problem}
				</p>
			)}
			<div class="row">
				<button type={props.onSubmit ? 'button' : 'submit'} class="primary" disabled={props.busy} onClick={() => void props.onSubmit?.()}>
					{props.submit}
				</button>
				<button type="button" onClick={props.onCancel}>
					Cancel
				</button>
				{props.children}
			</div>
		</>
	);
}
