import { Component, type ComponentChildren } from 'preact';

interface Props {
	/** Names the extension in the message, e.g. `interface "rating"`. */
	label: string;
	children: ComponentChildren;
}

/** An app extension that throws while rendering shows this box in its place; the page goes on. */
export class ExtensionBoundary extends Component<Props, { error: Error | null }> {
	override state = { error: null as Error | null };

	static override getDerivedStateFromError(error: unknown) {
		return { error: error instanceof Error ? error : new Error(String(error)) };
	}

	override componentDidCatch(error: unknown) {
		console.error(`${this.props.label} failed to render`, error);
	}

	render() {
		if (this.state.error) {
			return (
				<div class="extension-error" role="alert">
					<strong>{this.props.label} could not be shown.</strong> {this.state.error.message}
				</div>
			);
		}
		return this.props.children;
	}
}
