import { useState } from 'preact/hooks';
import { fieldsOf, relatedCollection, schema } from '../lib/schema.js';
import { useStore } from '../lib/store.js';

export const operators: Array<{ id: string; label: string; arity: 'none' | 'one' | 'list' | 'pair' }> = [
	{ id: '_eq', label: 'Equals', arity: 'one' },
	{ id: '_neq', label: "Doesn't equal", arity: 'one' },
	{ id: '_lt', label: 'Less than', arity: 'one' },
	{ id: '_lte', label: 'Less than or equal to', arity: 'one' },
	{ id: '_gt', label: 'Greater than', arity: 'one' },
	{ id: '_gte', label: 'Greater than or equal to', arity: 'one' },
	{ id: '_in', label: 'Is one of', arity: 'list' },
	{ id: '_nin', label: 'Is not one of', arity: 'list' },
	{ id: '_null', label: 'Is null', arity: 'none' },
	{ id: '_nnull', label: "Isn't null", arity: 'none' },
	{ id: '_contains', label: 'Contains', arity: 'one' },
	{ id: '_icontains', label: 'Contains (case-insensitive)', arity: 'one' },
	{ id: '_ncontains', label: "Doesn't contain", arity: 'one' },
	{ id: '_starts_with', label: 'Starts with', arity: 'one' },
	{ id: '_istarts_with', label: 'Starts with (case-insensitive)', arity: 'one' },
	{ id: '_nstarts_with', label: "Doesn't start with", arity: 'one' },
	{ id: '_ends_with', label: 'Ends with', arity: 'one' },
	{ id: '_iends_with', label: 'Ends with (case-insensitive)', arity: 'one' },
	{ id: '_nends_with', label: "Doesn't end with", arity: 'one' },
	{ id: '_between', label: 'Is between', arity: 'pair' },
	{ id: '_nbetween', label: "Isn't between", arity: 'pair' },
	{ id: '_empty', label: 'Is empty', arity: 'none' },
	{ id: '_nempty', label: "Isn't empty", arity: 'none' },
	{ id: '_intersects', label: 'Intersects', arity: 'one' },
	{ id: '_nintersects', label: "Doesn't intersect", arity: 'one' },
	{ id: '_intersects_bbox', label: 'Intersects bounding box', arity: 'one' },
	{ id: '_nintersects_bbox', label: "Doesn't intersect bounding box", arity: 'one' },
	{ id: '_regex', label: 'Matches the pattern', arity: 'one' },
];

const variables = ['$CURRENT_USER', '$CURRENT_ROLE', '$CURRENT_ROLES', '$CURRENT_POLICIES', '$NOW', '$NOW(-7 days)', '$NOW(+1 day)', '$CURRENT_USER.email'];

export interface Rule {
	path: string;
	operator: string;
	value: string;
}

/** One rule as the API's nested filter: `author.name _eq x` → `{ author: { name: { _eq: 'x' } } }`. */
export function ruleToFilter(rule: Rule): Record<string, unknown> {
	const arity = operators.find((operator) => operator.id === rule.operator)?.arity ?? 'one';
	const split = () =>
		rule.value
			.split(',')
			.map((part) => part.trim())
			.filter((part) => part !== '');
	const value = arity === 'none' ? true : arity === 'list' || arity === 'pair' ? split() : rule.value;
	return rule.path.split('.').reduceRight<Record<string, unknown>>((inner, key) => ({ [key]: inner }), { [rule.operator]: value });
}

export function rulesToFilter(rules: Rule[]): Record<string, unknown> | undefined {
	const complete = rules.filter((rule) => rule.path !== '');
	if (complete.length === 0) return undefined;
	return complete.length === 1 ? ruleToFilter(complete[0]!) : { _and: complete.map(ruleToFilter) };
}

/** Field paths offered in the picker: the collection's fields and, one level down, its relations' fields. */
export function fieldPaths(collection: string, model = schema.get()): string[] {
	const paths: string[] = [];
	for (const field of fieldsOf(collection, model)) {
		paths.push(field.field);
		const related = relatedCollection(collection, field.field, model);
		if (related) for (const inner of fieldsOf(related, model)) paths.push(`${field.field}.${inner.field}`);
	}
	return paths;
}

export function FilterBuilder({ collection, rules, onChange }: { collection: string; rules: Rule[]; onChange: (rules: Rule[]) => void }) {
	const model = useStore(schema);
	const [draft, setDraft] = useState<Rule[]>(rules.length > 0 ? rules : [{ path: '', operator: '_eq', value: '' }]);
	const paths = fieldPaths(collection, model);
	const update = (index: number, patch: Partial<Rule>) => setDraft(draft.map((rule, at) => (at === index ? { ...rule, ...patch } : rule)));
	const listId = `filter-paths-${collection}`;
	return (
		<form
			class="filter-builder"
			aria-label="Filter"
			onSubmit={(event) => {
				event.preventDefault();
				onChange(draft.filter((rule) => rule.path !== ''));
			}}
		>
			<datalist id={listId}>
				{paths.map((path) => (
					<option key={path} value={path} />
				))}
			</datalist>
			<datalist id="filter-variables">
				{variables.map((variable) => (
					<option key={variable} value={variable} />
				))}
			</datalist>
			{draft.map((rule, index) => {
				const arity = operators.find((operator) => operator.id === rule.operator)?.arity;
				return (
					<fieldset class="filter-rule" key={index}>
						<legend class="visually-hidden">Rule {index + 1}</legend>
						<label>
							<span class="visually-hidden">Field</span>
							<input
								list={listId}
								placeholder="Field, e.g. author.name"
								value={rule.path}
								onInput={(e) => update(index, { path: e.currentTarget.value.trim() })}
							/>
						</label>
						<label>
							<span class="visually-hidden">Operator</span>
							<select value={rule.operator} onChange={(e) => update(index, { operator: e.currentTarget.value })}>
								{operators.map((operator) => (
									<option key={operator.id} value={operator.id}>
										{operator.label}
									</option>
								))}
							</select>
						</label>
						{arity !== 'none' && (
							<label>
								<span class="visually-hidden">Value</span>
								<input
									list="filter-variables"
									placeholder={arity === 'one' ? 'Value or $VARIABLE' : 'Values, separated by commas'}
									value={rule.value}
									onInput={(e) => update(index, { value: e.currentTarget.value })}
								/>
							</label>
						)}
						<button type="button" class="ghost" aria-label={`Remove rule ${index + 1}`} onClick={() => setDraft(draft.filter((_, at) => at !== index))}>
							×
						</button>
					</fieldset>
				);
			})}
			<div class="row">
				<button type="button" onClick={() => setDraft([...draft, { path: '', operator: '_eq', value: '' }])}>
					Add rule
				</button>
				<button type="submit" class="primary">
					Apply filter
				</button>
				{rules.length > 0 && (
					<button
						type="button"
						onClick={() => {
							setDraft([{ path: '', operator: '_eq', value: '' }]);
							onChange([]);
						}}
					>
						Clear
					</button>
				)}
			</div>
		</form>
	);
}
