import type { InterfaceProps } from '@mantle/extensions-sdk';

/** The Studio gives each interface the id its field label points at, and the label's text. */
export interface StudioInterfaceProps<Value = unknown, Options = Record<string, unknown>> extends InterfaceProps<Value, Options> {
	id?: string;
	label?: string;
}

export interface Choice {
	text: string;
	value: string | number;
}

/** Choices as admins write them: `[{ text, value }]` or plain values. */
export function choicesOf(options: { choices?: unknown }): Choice[] {
	const list = Array.isArray(options.choices) ? options.choices : [];
	return list.map((choice) => (typeof choice === 'object' && choice !== null ? (choice as Choice) : { text: String(choice), value: choice as string }));
}

/** A control's accessible name when the Studio's label can't point at it. */
export function a11y(props: Pick<StudioInterfaceProps, 'id' | 'label'>) {
	return { id: props.id, 'aria-label': props.label };
}
