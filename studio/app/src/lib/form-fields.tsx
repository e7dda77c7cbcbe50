import type { ComponentChildren } from 'preact';

/** A labelled control stacked under its label, the way the Studio's forms lay out one setting. */
export function LabelledField(props: { id: string; label: ComponentChildren; children: ComponentChildren }) {
	return (
		<div class="field">
			<label for={props.id}>{props.label}</label>
			{props.children}
		</div>
	);
}

/** The `<option>`s of a choice among named entries (types, kinds): each one's id is its value, its name the text. */
export function NamedOptions(props: { types: Iterable<{ id: string; name: string }> }) {
	return (
		<>
			{[...props.types].map((entry) => (
				<option key={entry.id} value={entry.id}>
					{entry.name}
				</option>
			))}
		</>
	);
}

/**
 * The field choosing what kind of thing a panel, trigger or operation is; options for types beyond
 * `types` (an extension's, one not installed) come as children.
 */
export function TypeSelect(props: {
	id: string;
	label: string;
	value: string;
	types: Iterable<{ id: string; name: string }>;
	onChange: (type: string) => void;
	children?: ComponentChildren;
}) {
	return (
		<LabelledField id={props.id} label={props.label}>
			<select id={props.id} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
				<NamedOptions types={props.types} />
				{props.children}
			</select>
		</LabelledField>
	);
}
