import { useState } from 'preact/hooks';
import { messageOf } from '../lib/api.js';
import { fromDraft, OptionsForm, toDraft, type Draft } from '../flows/options-form.js';
import type { Panel } from './api.js';
import type { PanelDefinition } from './panel-extensions.js';
import { panelType, panelTypes } from './panel-types.js';
import { FormActions } from '../lib/form-actions.js';

interface Props {
	panel?: Panel;
	extensions: Map<string, PanelDefinition>;
	/** Where a new panel of this size fits on the dashboard. */
	place: (width: number, height: number) => { x: number; y: number };
	onSave: (panel: Partial<Panel>) => Promise<void>;
	onDelete?: () => Promise<void>;
	onClose: () => void;
}

/** Choosing a panel's type, title, place and size, and its options from the type's schema. */
export function PanelEditor({ panel, extensions, place: freePlace, onSave, onDelete, onClose }: Props) {
	const [type, setType] = useState(panel?.type ?? 'metric');
	const fieldsOf = (id: string) => panelType(id)?.options ?? extensions.get(id)?.options ?? [];
	const [draft, setDraft] = useState<Draft>(() => toDraft(fieldsOf(type), panel?.options ?? {}));
	const [name, setName] = useState(panel?.name ?? '');
	const [place, setPlace] = useState(() => sized(type));
	function sized(id: string) {
		if (panel) return { position_x: panel.position_x, position_y: panel.position_y, width: panel.width, height: panel.height };
		const width = panelType(id)?.width ?? extensions.get(id)?.minWidth ?? 12;
		const height = panelType(id)?.height ?? extensions.get(id)?.minHeight ?? 8;
		const { x, y } = freePlace(width, height);
		return { position_x: x, position_y: y, width, height };
	}
	const [problem, setProblem] = useState<string | null>(null);

	async function submit(event: Event) {
		event.preventDefault();
		const parsed = fromDraft(fieldsOf(type), draft);
		if ('error' in parsed) return setProblem(parsed.error);
		try {
			await onSave({ type, name: name || null, show_header: Boolean(name), options: parsed.options, ...place });
		} catch (error) {
			setProblem(messageOf(error));
		}
	}

	const number = (key: keyof typeof place, label: string, min: number) => (
		<div class="field">
			<label for={`panel-${key}`}>{label}</label>
			<input
				id={`panel-${key}`}
				type="number"
				min={min}
				max={200}
				value={place[key]}
				onInput={(e) => setPlace({ ...place, [key]: Math.max(min, Number(e.currentTarget.value) || min) })}
			/>
		</div>
	);

	return (
		<aside class="flow-panel panel-editor" aria-labelledby="panel-editor-title">
			<h2 id="panel-editor-title">{panel ? 'Edit panel' : 'New panel'}</h2>
			<form onSubmit={submit}>
				<div class="field">
					<label for="panel-type">Panel type</label>
					<select
						id="panel-type"
						value={type}
						onChange={(e) => {
							const next = e.currentTarget.value;
							setType(next);
							setDraft(toDraft(fieldsOf(next), {}));
							if (!panel) setPlace(sized(next));
						}}
					>
						{panelTypes.map((entry) => (
							<option key={entry.id} value={entry.id}>
								{entry.name}
							</option>
						))}
						{[...extensions.values()].map((entry) => (
							<option key={entry.id} value={entry.id}>
								{entry.name}
							</option>
						))}
					</select>
				</div>
				<div class="field">
					<label for="panel-name">Title</label>
					<input id="panel-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
				</div>
				<OptionsForm fields={fieldsOf(type)} draft={draft} onChange={setDraft} />
				<div class="place-grid">
					{number('position_x', 'Column', 1)}
					{number('position_y', 'Row', 1)}
					{number('width', 'Width', 2)}
					{number('height', 'Height', 2)}
				</div>
				<FormActions problem={problem} submit={panel ? 'Save panel' : 'Add panel'} onCancel={onClose}>
					{onDelete && (
						<button type="button" class="danger" onClick={() => confirm('Delete this panel?') && void onDelete()}>
							Delete
						</button>
					)}
				</FormActions>
			</form>
		</aside>
	);
}
