import { defineInterface } from '@mantle/extensions-sdk';
import { useEffect, useState } from 'preact/hooks';
import type { StudioInterfaceProps } from './shared.js';

/** JSON fields are parsed as the user types; the form keeps the last valid value and says why not. */
function Code(props: StudioInterfaceProps<unknown, { language?: string }>) {
	const json = props.type === 'json';
	const show = (value: unknown) => (value === null || value === undefined ? '' : json ? JSON.stringify(value, null, 2) : String(value));
	const [text, setText] = useState(show(props.value));
	const [problem, setProblem] = useState<string | null>(null);
	useEffect(() => {
		if (problem === null) setText(show(props.value));
	}, [props.value]);
	return (
		<div class="code">
			<textarea
				id={props.id}
				aria-label={props.label}
				aria-invalid={problem ? 'true' : undefined}
				rows={8}
				spellcheck={false}
				style={{ fontFamily: 'ui-monospace, monospace' }}
				value={text}
				disabled={props.disabled}
				onInput={(event) => {
					const next = event.currentTarget.value;
					setText(next);
					if (!json) return props.onInput(next === '' ? null : next);
					if (next.trim() === '') {
						setProblem(null);
						return props.onInput(null);
					}
					try {
						props.onInput(JSON.parse(next));
						setProblem(null);
					} catch (error) {
						setProblem((error as Error).message);
					}
				}}
			/>
			{problem && <p class="field-error">Not valid JSON: {problem}</p>}
		</div>
	);
}

export default defineInterface<unknown, { language?: string }>({
	id: 'input-code',
	name: 'Code',
	icon: 'code',
	group: 'standard',
	types: ['json', 'text', 'string'],
	component: Code,
});
