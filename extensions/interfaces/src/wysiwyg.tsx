import { defineInterface } from '@mantle/extensions-sdk';
import { useEffect, useRef } from 'preact/hooks';
import { sanitize } from './sanitize.js';
import type { StudioInterfaceProps } from './shared.js';

const tools: Array<{ command: string; label: string; text: string }> = [
	{ command: 'bold', label: 'Bold', text: 'B' },
	{ command: 'italic', label: 'Italic', text: 'I' },
	{ command: 'underline', label: 'Underline', text: 'U' },
	{ command: 'insertUnorderedList', label: 'Bulleted list', text: '•' },
	{ command: 'insertOrderedList', label: 'Numbered list', text: '1.' },
	{ command: 'createLink', label: 'Link', text: '🔗' },
	{ command: 'removeFormat', label: 'Clear formatting', text: '⌫' },
];

/** Rich text stored as HTML, sanitised on the way in and out. */
function Wysiwyg(props: StudioInterfaceProps<string>) {
	const editor = useRef<HTMLDivElement>(null);
	useEffect(() => {
		const clean = sanitize(props.value ?? '');
		if (editor.current && editor.current.innerHTML !== clean && document.activeElement !== editor.current) editor.current.innerHTML = clean;
	}, [props.value]);
	const emit = () => props.onInput(editor.current?.innerHTML ? sanitize(editor.current.innerHTML) : null);
	return (
		<div class="wysiwyg">
			<div role="toolbar" aria-label="Formatting" class="row">
				{tools.map((tool) => (
					<button
						key={tool.command}
						type="button"
						aria-label={tool.label}
						disabled={props.disabled}
						onMouseDown={(event) => event.preventDefault()}
						onClick={() => {
							const url = tool.command === 'createLink' ? prompt('Link address') : undefined;
							if (tool.command === 'createLink' && !url) return;
							document.execCommand(tool.command, false, url ?? undefined);
							emit();
						}}
					>
						{tool.text}
					</button>
				))}
			</div>
			<div
				ref={editor}
				id={props.id}
				class="wysiwyg-area"
				role="textbox"
				aria-multiline="true"
				aria-label={props.label}
				contentEditable={!props.disabled}
				tabIndex={0}
				onInput={emit}
			/>
		</div>
	);
}

export default defineInterface<string>({
	id: 'input-rich-text-html',
	name: 'WYSIWYG',
	icon: 'format_quote',
	group: 'standard',
	types: ['text', 'string'],
	component: Wysiwyg,
});
