import type { ComponentChildren } from 'preact';

/**
 * The foot of an editing form: the API's refusal, if any, then the submit button named for what it
 * saves, Cancel, and the form's further actions (Delete).
 */
export function FormActions(props: { problem?: string | null; submit: ComponentChildren; busy?: boolean; onCancel: () => void; children?: ComponentChildren }) {
	return (
		<>
			{props.problem && (
				<p class="form-error" role="alert">
					{props.problem}
				</p>
			)}
			<div class="row">
				<button type="submit" class="primary" disabled={props.busy}>
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
