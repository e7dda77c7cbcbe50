import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

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
 * the dashboards. `onCreate` gets the form's values; the page reports nothing itself.
 */
export function ListPage<T>(props: {
	titleId: string;
	title: string;
	createLabel: string;
	formLabel: string;
	form: ComponentChildren;
	onCreate: (form: FormData) => unknown;
	items: T[] | null;
	empty: string;
	children: (items: T[]) => ComponentChildren;
}) {
	const [creating, setCreating] = useState(false);
	return (
		<section aria-labelledby={props.titleId}>
			<PageHeader titleId={props.titleId} title={props.title}>
				<button type="button" class="primary" onClick={() => setCreating(true)}>
					{props.createLabel}
				</button>
			</PageHeader>
			{creating && (
				<CreateForm label={props.formLabel} onCreate={props.onCreate} onCancel={() => setCreating(false)}>
					{props.form}
				</CreateForm>
			)}
			<Listing items={props.items} empty={props.empty}>
				{props.children}
			</Listing>
		</section>
	);
}
