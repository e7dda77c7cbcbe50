import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LabelledField } from './form-fields.js';
import { reportError } from './toasts.js';

/** Records a page loads when it opens: null while they load, none if the request fails (the failure is reported). */
export function useRecords<T>(load: () => Promise<T[]>): T[] | null {
	const [records, setRecords] = useState<T[] | null>(null);
	useEffect(() => {
		load().then(setRecords, (error) => (reportError(error), setRecords([])));
	}, []);
	return records;
}

/** A page's title with its actions beside it, the head every list page of the Studio opens with. */
export function PageHeader(props: { titleId: string; title: ComponentChildren; children?: ComponentChildren }) {
	return (
		<header class="page-header">
			<h1 id={props.titleId}>{props.title}</h1>
			<div class="actions">{props.children}</div>
		</header>
	);
}

/**
 * A table of records with a header row. `columns` are the visible headings; `hiddenColumn` names a
 * last column of controls for screen readers only, so each row's buttons still have a heading.
 */
export function DataTable(props: { label?: string; caption?: string; class?: string; columns: string[]; hiddenColumn?: string; children: ComponentChildren }) {
	return (
		<table class={props.class ?? 'table'} aria-label={props.label}>
			{props.caption && <caption class="visually-hidden">{props.caption}</caption>}
			<thead>
				<tr>
					{props.columns.map((column) => (
						<th scope="col" key={column}>
							{column}
						</th>
					))}
					{props.hiddenColumn && (
						<th scope="col">
							<span class="visually-hidden">{props.hiddenColumn}</span>
						</th>
					)}
				</tr>
			</thead>
			<tbody>{props.children}</tbody>
		</table>
	);
}

/** Loading, empty, or the records: the three states of every list the Studio fetches. */
export function Listing<T>(props: { items: T[] | null; empty?: string; children: (items: T[]) => ComponentChildren }) {
	if (!props.items) return <p class="muted">Loading…</p>;
	if (props.empty && props.items.length === 0) return <p class="empty">{props.empty}</p>;
	return <>{props.children(props.items)}</>;
}

/**
 * The inline form a list page opens to start a record: its fields, then Create and Cancel. The
 * form's values reach `onCreate` as FormData; a refusal is the caller's to report.
 */
export function CreateForm(props: { label: string; onCreate: (form: FormData) => unknown; onCancel: () => void; children: ComponentChildren }) {
	return (
		<form
			class="row create-form"
			aria-label={props.label}
			onSubmit={(event) => {
				event.preventDefault();
				void props.onCreate(new FormData(event.currentTarget));
			}}
		>
			{props.children}
			<button type="submit" class="primary">
				Create
			</button>
			<button type="button" onClick={props.onCancel}>
				Cancel
			</button>
		</form>
	);
}

/**
 * A page listing records with a button that opens a create form above the list: the flows and
 * the dashboards. Its words come from the record's `noun` ("Create flow", "No flow yet."). The
 * form asks for the new record's `name`, then the fields `form` adds; `onCreate` gets the form's
 * values; the page reports nothing itself.
 */
export function ListPage<T>(props: {
	titleId: string;
	title: string;
	noun: string;
	form: ComponentChildren;
	onCreate: (form: FormData) => unknown;
	items: T[] | null;
	children: (items: T[]) => ComponentChildren;
}) {
	const [creating, setCreating] = useState(false);
	const nameId = `new-${props.noun}-name`;
	return (
		<section aria-labelledby={props.titleId}>
			<PageHeader titleId={props.titleId} title={props.title}>
				<button type="button" class="primary" onClick={() => setCreating(true)}>
					{`Create ${props.noun}`}
				</button>
			</PageHeader>
			{creating && (
				<CreateForm label={`New ${props.noun}`} onCreate={props.onCreate} onCancel={() => setCreating(false)}>
					<LabelledField id={nameId} label={`${props.noun[0]!.toUpperCase()}${props.noun.slice(1)} name`}>
						<input id={nameId} name="name" required maxLength={255} autoFocus />
					</LabelledField>
					{props.form}
				</CreateForm>
			)}
			<Listing items={props.items} empty={`No ${props.noun} yet.`}>
				{props.children}
			</Listing>
		</section>
	);
}

/**
 * The one-line form under a list that adds a record by its name (a role, a policy); `children`
 * are further fields, drawn between the name and the Create button.
 */
export function NameForm(props: { noun: string; onCreate: (name: string) => unknown; children?: ComponentChildren }) {
	const [name, setName] = useState('');
	return (
		<form
			class="row"
			aria-label={`New ${props.noun}`}
			onSubmit={(event) => {
				event.preventDefault();
				void props.onCreate(name);
			}}
		>
			<label>
				{`New ${props.noun} name`}
				<input value={name} required onInput={(e) => setName(e.currentTarget.value)} />
			</label>
			{props.children}
			<button type="submit" class="primary">
				{`Create ${props.noun}`}
			</button>
		</form>
	);
}
