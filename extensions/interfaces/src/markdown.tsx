import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import { markdownToHtml } from './sanitize.js';
import type { StudioInterfaceProps } from './shared.js';

function Markdown(props: StudioInterfaceProps<string>) {
	const [preview, setPreview] = useState(false);
	return (
		<div class="markdown">
			<div class="row" role="tablist" aria-label="Markdown mode">
				<button type="button" role="tab" aria-selected={!preview} onClick={() => setPreview(false)}>
					Edit
				</button>
				<button type="button" role="tab" aria-selected={preview} onClick={() => setPreview(true)}>
					Preview
				</button>
			</div>
			{preview ? (
				<div class="markdown-preview" dangerouslySetInnerHTML={{ __html: markdownToHtml(props.value ?? '') }} />
			) : (
				<textarea
					id={props.id}
					aria-label={props.label}
					rows={8}
					value={props.value ?? ''}
					disabled={props.disabled}
					onInput={(event) => props.onInput(event.currentTarget.value === '' ? null : event.currentTarget.value)}
				/>
			)}
		</div>
	);
}

export default defineInterface<string>({
	id: 'input-rich-text-md',
	name: 'Markdown',
	icon: 'functions',
	group: 'standard',
	types: ['text', 'string'],
	component: Markdown,
});
