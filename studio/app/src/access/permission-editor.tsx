import { useState } from 'preact/hooks';
import { FilterBuilder, rulesToFilter, type Rule } from '../content/filter.js';
import { api, messageOf } from '../lib/api.js';
import { filterToRules } from '../lib/filter-rules.js';
import { fieldsOf, schema } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { Drawer } from '../shell/drawer.js';
import { usePendingRules } from '../data-model/pending-rules.js';
import type { Action, Permission } from './permission-model.js';

/**
 * A custom permission: which fields, which rows (an item rule with dynamic variables such as
 * `$CURRENT_USER`), which values are valid on write, and which values are preset.
 */
export function PermissionEditor({
	policy,
	collection,
	action,
	permission,
	onClose,
	onSaved,
}: {
	policy: string;
	collection: string;
	action: Action;
	permission?: Permission;
	onClose: () => void;
	onSaved: () => void;
}) {
	const model = useStore(schema);
	const names = fieldsOf(collection, model).map((field) => field.field);
	const [fields, setFields] = useState<string[]>(() => {
		const current = permission?.fields ?? ['*'];
		return current.includes('*') ? names : current;
	});
	const [rule, setRule] = useState<Rule[]>(() => filterToRules(permission?.permissions));
	const [validation, setValidation] = useState<Rule[]>(() => filterToRules(permission?.validation));
	const [presets, setPresets] = useState(() => (permission?.presets ? JSON.stringify(permission.presets, null, 2) : ''));
	const [error, setError] = useState<string | null>(null);
	const pending = usePendingRules();
	const writes = action === 'create' || action === 'update';

	async function save() {
		setError(null);
		const unapplied = pending.problem();
		if (unapplied) return setError(unapplied);
		let parsedPresets: Record<string, unknown> | null = null;
		if (presets.trim()) {
			try {
				parsedPresets = JSON.parse(presets);
			} catch {
				return setError('The presets are not valid JSON.');
			}
		}
		const body = {
			policy,
			collection,
			action,
			fields: fields.length === names.length ? ['*'] : fields,
			permissions: action === 'create' ? null : (rulesToFilter(rule) ?? null),
			validation: writes ? (rulesToFilter(validation) ?? null) : null,
			presets: writes ? parsedPresets : null,
		};
		try {
			if (permission?.id !== undefined) await api.patch(`/permissions/${permission.id}`, body);
			else await api.post('/permissions', body);
			onSaved();
		} catch (failure) {
			setError(messageOf(failure));
		}
	}

	return (
		<Drawer title={`${collection}: ${action}`} onClose={onClose} wide>
			<section aria-label="Field permissions" class="form-group">
				<h3>Fields</h3>
				<label class="check">
					<input type="checkbox" checked={fields.length === names.length} onChange={(e) => setFields(e.currentTarget.checked ? names : [])} />
					All fields
				</label>
				<div class="row" style={{ flexWrap: 'wrap' }}>
					{names.map((name) => (
						<label class="check" key={name}>
							<input
								type="checkbox"
								checked={fields.includes(name)}
								onChange={(e) => setFields(e.currentTarget.checked ? [...fields, name] : fields.filter((other) => other !== name))}
							/>
							{name}
						</label>
					))}
				</div>
			</section>
			{action !== 'create' && (
				<section aria-label="Item rule" class="form-group">
					<h3>Item rule</h3>
					<p class="note">Only items matching these rules are {action === 'read' ? 'visible' : `open to ${action}`}. Apply the rules, then save.</p>
					<div {...pending.watch('Item rule')}>
						<FilterBuilder
							collection={collection}
							rules={rule}
							onChange={(next) => {
								pending.applied('Item rule');
								setRule(next);
							}}
						/>
					</div>
				</section>
			)}
			{writes && (
				<section aria-label="Validation" class="form-group">
					<h3>Validation</h3>
					<div {...pending.watch('Validation')}>
						<FilterBuilder
							collection={collection}
							rules={validation}
							onChange={(next) => {
								pending.applied('Validation');
								setValidation(next);
							}}
						/>
					</div>
				</section>
			)}
			{writes && (
				<label class="field">
					Presets (JSON: field → value)
					<textarea rows={4} value={presets} placeholder='{ "status": "draft" }' onInput={(e) => setPresets(e.currentTarget.value)} />
				</label>
			)}
			{error && (
				<p class="form-error" role="alert">
					{error}
				</p>
			)}
			<div class="row">
				<button type="button" class="primary" onClick={save}>
					Save permission
				</button>
				<button type="button" onClick={onClose}>
					Cancel
				</button>
			</div>
		</Drawer>
	);
}
