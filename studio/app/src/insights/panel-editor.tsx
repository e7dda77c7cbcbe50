import { useState } from 'preact/hooks';
import { OptionsForm, useOptionsSubmit, useTypedOptions } from '../flows/options-form.js';
import type { Panel } from './api.js';
import type { PanelDefinition } from './panel-extensions.js';
import { panelType, panelTypes } from './panel-types.js';
import { FormActions } from '../lib/form-actions.js';
import { LabelledField, NamedOptions, TypeSelect } from '../lib/form-fields.js';

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
	const { type, choose, fields, draft, setDraft } = useTypedOptions(
		panel?.type ?? 'metric',
		panel?.options ?? {},
		(id) => panelType(id)?.options ?? extensions.get(id)?.options ?? [],
	);
	const [name, setName] = useState(panel?.name ?? '');
	const [place, setPlace] = useState(() => sized(type));
	function sized(id: string) {
		if (panel) return { position_x: panel.position_x, position_y: panel.position_y, width: panel.width, height: panel.height };
		const width = panelType(id)?.width ?? extensions.get(id)?.minWidth ?? 12;
		const height = panelType(id)?.height ?? extensions.get(id)?.minHeight ?? 8;
		const { x, y } = freePlace(width, height);
		return { position_x: x, position_y: y, width, height };
	}
	const { problem, submit } = useOptionsSubmit(fields, draft, (options) => onSave({ type, name: name || null, show_header: Boolean(name), options, ...place }));

	const number = (key: keyof typeof place, label: string, min: number) => (
		<LabelledField id={`panel-${key}`} label={label}>
			<input
				id={`panel-${key}`}
				type="number"
				min={min}
				max={200}
				value={place[key]}
				onInput={(e) => setPlace({ ...place, [key]: Math.max(min, Number(e.currentTarget.value) || min) })}
			/>
		</LabelledField>
	);

	return (
		<aside class="flow-panel panel-editor" aria-labelledby="panel-editor-title">
			<h2 id="panel-editor-title">{panel ? 'Edit panel' : 'New panel'}</h2>
			<form onSubmit={submit}>
				<TypeSelect
					id="panel-type"
					label="Panel type"
					value={type}
					types={panelTypes}
					onChange={(next) => {
						choose(next);
						if (!panel) setPlace(sized(next));
					}}
				>
					<NamedOptions types={extensions.values()} />
				</TypeSelect>
				<LabelledField id="panel-name" label="Title">
					<input id="panel-name" value={name} onInput={(e) => setName(e.currentTarget.value)} />
				</LabelledField>
				<OptionsForm fields={fields} draft={draft} onChange={setDraft} />
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
