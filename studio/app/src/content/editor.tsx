import { useEffect, useState } from 'preact/hooks';
import { api, isMantleError, messageOf } from '../lib/api.js';
import { base, navigate, setLeaveGuard } from '../lib/router.js';
import { collectionOf, fieldsOf, primaryKeyOf, schema, titleOf } from '../lib/schema.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';
import { humanize } from '../shell/navigation.js';
import { FieldForm } from './field-form.js';
import { Revisions } from './revisions.js';
import { Comments } from './comments.js';
import { ConfirmDialog } from '../shell/dialog.js';
import { ManualFlowButtons } from '../flows/manual-trigger.js';

/** Field name → message, from a failed save: every error of the answer that names a field. */
export function fieldErrors(error: unknown): Record<string, string> {
	if (!isMantleError(error)) return {};
	const found: Record<string, string> = {};
	for (const entry of error.errors) {
		const field = entry.extensions?.field;
		if (typeof field === 'string') found[field] ??= entry.message;
	}
	return found;
}

const itemsPath = (collection: string) => `/items/${encodeURIComponent(collection)}`;

/**
 * One item's edit page. Nothing is saved until the user saves; leaving with unsaved changes
 * asks first. Singletons have no key: their one item is read and saved at the collection's path.
 */
export function Editor({ collection, id, singleton = false }: { collection: string; id: string; singleton?: boolean }) {
	const model = useStore(schema);
	const isNew = id === '+';
	const primaryKey = primaryKeyOf(collection, model);
	const [item, setItem] = useState<Record<string, unknown> | null>(isNew ? {} : null);
	const [edits, setEdits] = useState<Record<string, unknown>>({});
	const [errors, setErrors] = useState<Record<string, string>>({});
	const [saving, setSaving] = useState(false);
	const [sidebar, setSidebar] = useState<'revisions' | 'comments' | null>(null);
	const [missing, setMissing] = useState<string | null>(null);
	const [confirming, setConfirming] = useState(false);
	const dirty = Object.keys(edits).length > 0;
	const path = singleton ? itemsPath(collection) : `${itemsPath(collection)}/${encodeURIComponent(id)}`;
	const listHref = collection === 'directus_users' ? '/users' : `/content/${encodeURIComponent(collection)}`;

	async function load() {
		if (isNew) {
			const defaults = Object.fromEntries(
				fieldsOf(collection, model)
					.filter((field) => field.schema?.default_value != null)
					.map((field) => [field.field, field.schema!.default_value]),
			);
			setItem(defaults);
			return;
		}
		try {
			setItem(await api.get(path, { fields: ['*'] }));
		} catch (error) {
			setMissing(messageOf(error));
		}
	}

	useEffect(() => {
		void load();
	}, [collection, id]);

	useEffect(() => {
		setLeaveGuard(dirty ? () => !confirm('You have unsaved changes. Leave this page and lose them?') : undefined);
		const beforeUnload = (event: BeforeUnloadEvent) => {
			if (dirty) event.preventDefault();
		};
		addEventListener('beforeunload', beforeUnload);
		return () => {
			setLeaveGuard(undefined);
			removeEventListener('beforeunload', beforeUnload);
		};
	}, [dirty]);

	async function save(mode: 'close' | 'stay' | 'copy') {
		setSaving(true);
		setErrors({});
		try {
			let saved: Record<string, unknown>;
			if (mode === 'copy') {
				const copy: Record<string, unknown> = { ...item, ...edits };
				delete copy[primaryKey];
				// Relational lists read as keys belong to the original; the copy starts without them.
				for (const field of fieldsOf(collection, model)) if (field.type === 'alias') delete copy[field.field];
				saved = await api.post(itemsPath(collection), copy, { fields: ['*'] });
			} else if (isNew) {
				saved = await api.post(itemsPath(collection), edits, { fields: ['*'] });
			} else {
				saved = await api.patch(path, edits, { fields: ['*'] });
			}
			setEdits({});
			setLeaveGuard(undefined);
			notify(mode === 'copy' ? 'Saved as a copy.' : 'Saved.', 'success');
			if (mode === 'close' && !singleton) navigate(listHref);
			else if (isNew || mode === 'copy') navigate(`${listHref}/${encodeURIComponent(String(saved[primaryKey]))}`, { replace: mode !== 'copy' });
			else setItem(saved);
		} catch (error) {
			setErrors(fieldErrors(error));
			reportError(error);
		} finally {
			setSaving(false);
		}
	}

	async function remove() {
		try {
			await api.delete(path);
			setEdits({});
			setLeaveGuard(undefined);
			notify('Deleted.', 'success');
			navigate(listHref);
		} catch (error) {
			reportError(error);
		}
	}

	if (missing)
		return (
			<p class="empty" role="alert">
				{missing}
			</p>
		);
	if (!item)
		return (
			<p class="muted" aria-busy="true">
				Loading…
			</p>
		);
	const values = { ...item, ...edits };
	const title = isNew ? `Creating an item in ${humanize(collection)}` : singleton ? humanize(collection) : titleOf(collection, item, model) || `Item ${id}`;
	const note = collectionOf(collection, model)?.meta?.note;
	return (
		<div class={`editor${sidebar ? ' with-sidebar' : ''}`}>
			{confirming && (
				<ConfirmDialog
					title="Delete this item?"
					message="This can’t be undone."
					confirmLabel="Delete"
					onConfirm={remove}
					onClose={() => setConfirming(false)}
				/>
			)}
			<section aria-labelledby="editor-title">
				<header class="page-header">
					{!singleton && (
						<a class="button ghost" href={`${base}${listHref}`} aria-label="Back to the list">
							‹
						</a>
					)}
					<h1 id="editor-title">{title}</h1>
					{dirty && <span class="badge">Unsaved changes</span>}
					<div class="actions">
						{!isNew && !singleton && (
							<>
								<ManualFlowButtons collection={collection} keys={[id]} where="item" />
								<button type="button" aria-expanded={sidebar === 'revisions'} onClick={() => setSidebar(sidebar === 'revisions' ? null : 'revisions')}>
									Revisions
								</button>
								<button type="button" aria-expanded={sidebar === 'comments'} onClick={() => setSidebar(sidebar === 'comments' ? null : 'comments')}>
									Comments
								</button>
								<button type="button" class="danger" onClick={() => setConfirming(true)}>
									Delete
								</button>
								<button type="button" disabled={saving} onClick={() => save('copy')}>
									Save as copy
								</button>
							</>
						)}
						<button type="button" disabled={saving || !dirty} onClick={() => save('stay')}>
							Save and stay
						</button>
						{!singleton && (
							<button type="button" class="primary" disabled={saving || !dirty} onClick={() => save('close')}>
								Save
							</button>
						)}
					</div>
				</header>
				{note && <p class="note">{note}</p>}
				<form
					onSubmit={(event) => {
						event.preventDefault();
						void save('stay');
					}}
				>
					<FieldForm
						collection={collection}
						primaryKey={isNew ? '+' : (item[primaryKey] as string | number)}
						values={values}
						errors={errors}
						onInput={(field, value) => {
							setEdits((current) => ({ ...current, [field]: value }));
							setErrors((current) => {
								const { [field]: _cleared, ...rest } = current;
								return rest;
							});
						}}
					/>
				</form>
			</section>
			{sidebar === 'revisions' && (
				<Revisions
					collection={collection}
					id={String(item[primaryKey] ?? id)}
					current={item}
					onReverted={(reverted) => {
						setItem(reverted);
						setEdits({});
					}}
				/>
			)}
			{sidebar === 'comments' && <Comments collection={collection} id={String(item[primaryKey] ?? id)} />}
		</div>
	);
}
