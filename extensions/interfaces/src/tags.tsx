import { defineInterface } from '@mantle/extensions-sdk';
import { useState } from 'preact/hooks';
import type { StudioInterfaceProps } from './shared.js';

function Tags(props: StudioInterfaceProps<string[], { placeholder?: string; lowercase?: boolean }>) {
	const tags = Array.isArray(props.value) ? props.value : typeof props.value === 'string' && props.value ? String(props.value).split(',') : [];
	const [draft, setDraft] = useState('');
	function add() {
		const tag = props.options.lowercase ? draft.trim().toLowerCase() : draft.trim();
		if (tag && !tags.includes(tag)) props.onInput([...tags, tag]);
		setDraft('');
	}
	return (
		<div class="tags">
			<input
				id={props.id}
				aria-label={props.label ? `${props.label}: add a tag` : 'Add a tag'}
				value={draft}
				placeholder={props.options.placeholder ?? 'Type a tag and press Enter'}
				disabled={props.disabled}
				onInput={(event) => setDraft(event.currentTarget.value)}
				onKeyDown={(event) => {
					if (event.key === 'Enter' || event.key === ',') {
						event.preventDefault();
						add();
					}
				}}
				onBlur={() => draft && add()}
			/>
			<ul class="tag-list" aria-label="Tags">
				{tags.map((tag) => (
					<li key={tag} class="label-chip">
						{tag}
						<button
							type="button"
							class="ghost"
							aria-label={`Remove tag ${tag}`}
							disabled={props.disabled}
							onClick={() => props.onInput(tags.filter((other) => other !== tag))}
						>
							×
						</button>
					</li>
				))}
			</ul>
		</div>
	);
}

export default defineInterface<string[], { placeholder?: string; lowercase?: boolean }>({
	id: 'tags',
	name: 'Tags',
	icon: 'local_offer',
	group: 'other',
	types: ['json', 'csv'],
	component: Tags,
});
