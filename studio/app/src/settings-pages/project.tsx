import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { loadProject } from '../lib/session.js';
import { notify, reportError } from '../lib/toasts.js';
import { RoleSelect } from '../access/role-select.js';

interface ProjectSettings {
	project_name?: string;
	project_descriptor?: string | null;
	project_color?: string | null;
	project_logo?: string | null;
	default_language?: string;
	public_registration?: boolean;
	public_registration_verify_email?: boolean;
	public_registration_role?: string | null;
}

const fields = Object.keys({
	project_name: 0,
	project_descriptor: 0,
	project_color: 0,
	project_logo: 0,
	default_language: 0,
	public_registration: 0,
	public_registration_verify_email: 0,
	public_registration_role: 0,
} satisfies Record<keyof ProjectSettings, 0>);

const languages = [
	['en-US', 'English (United States)'],
	['en-GB', 'English (United Kingdom)'],
	['de-DE', 'Deutsch'],
	['fr-FR', 'Français'],
	['es-ES', 'Español'],
	['it-IT', 'Italiano'],
	['nl-NL', 'Nederlands'],
	['pt-BR', 'Português (Brasil)'],
	['ja-JP', '日本語'],
	['zh-CN', '中文 (简体)'],
];

/** The project's identity and sign-up rules: what every user sees on the sign-in page and in the module bar. */
export function ProjectSettingsPage() {
	const [values, setValues] = useState<ProjectSettings | null>(null);
	const [roles, setRoles] = useState<Array<{ id: string; name: string }>>([]);
	const [saving, setSaving] = useState(false);
	useEffect(() => {
		api.get<ProjectSettings>('/settings', { fields }).then(setValues, (error) => {
			reportError(error);
			setValues({});
		});
		api.get<Array<{ id: string; name: string }>>('/roles', { fields: ['id', 'name'], limit: -1 }).then(setRoles, () => setRoles([]));
	}, []);
	if (!values) return <p class="muted">Loading…</p>;
	const set = (change: ProjectSettings) => setValues({ ...values, ...change });

	async function uploadLogo(file: File) {
		try {
			const form = new FormData();
			form.append('title', `${values!.project_name ?? 'Project'} logo`);
			form.append('file', file);
			const uploaded = await api.upload<{ id: string }>('/files', form);
			set({ project_logo: uploaded.id });
		} catch (error) {
			reportError(error);
		}
	}

	async function save(event: Event) {
		event.preventDefault();
		setSaving(true);
		try {
			const saved = await api.patch<ProjectSettings>(
				'/settings',
				Object.fromEntries(fields.map((field) => [field, values![field as keyof ProjectSettings] ?? null])),
				{
					fields,
				},
			);
			setValues(saved);
			await loadProject();
			notify('Settings saved.', 'success');
		} catch (error) {
			reportError(error);
		} finally {
			setSaving(false);
		}
	}

	return (
		<form class="form-grid" onSubmit={save} aria-labelledby="project-title">
			<h1 id="project-title" class="width-full">
				Project
			</h1>
			<label class="field width-half">
				Project name
				<input value={values.project_name ?? ''} required maxLength={100} onInput={(e) => set({ project_name: e.currentTarget.value })} />
			</label>
			<label class="field width-half">
				Project descriptor
				<input value={values.project_descriptor ?? ''} maxLength={100} onInput={(e) => set({ project_descriptor: e.currentTarget.value || null })} />
			</label>
			<label class="field width-half">
				Project colour
				<input type="color" value={values.project_color ?? '#6644ff'} onInput={(e) => set({ project_color: e.currentTarget.value })} />
			</label>
			<label class="field width-half">
				Default language
				<select value={values.default_language ?? 'en-US'} onChange={(e) => set({ default_language: e.currentTarget.value })}>
					{languages.map(([code, label]) => (
						<option key={code} value={code}>
							{label}
						</option>
					))}
				</select>
			</label>
			<div class="field width-full">
				<span class="field-label">Project logo</span>
				<div class="row">
					{values.project_logo && <img class="project-logo" src={`/assets/${values.project_logo}?width=64&height=64&fit=contain`} alt="Current logo" />}
					<label>
						<span class="visually-hidden">Upload a logo</span>
						<input
							type="file"
							accept="image/*"
							aria-label="Upload a logo"
							onChange={(e) => e.currentTarget.files?.[0] && uploadLogo(e.currentTarget.files[0])}
						/>
					</label>
					{values.project_logo && (
						<button type="button" onClick={() => set({ project_logo: null })}>
							Remove logo
						</button>
					)}
				</div>
			</div>
			<fieldset class="width-full">
				<legend>Public registration</legend>
				<label class="check">
					<input type="checkbox" checked={values.public_registration ?? false} onChange={(e) => set({ public_registration: e.currentTarget.checked })} />
					Anyone may sign up
				</label>
				<label class="check">
					<input
						type="checkbox"
						checked={values.public_registration_verify_email ?? true}
						onChange={(e) => set({ public_registration_verify_email: e.currentTarget.checked })}
					/>
					New users confirm their email address first
				</label>
				<label>
					Role of new users
					<RoleSelect
						roles={roles}
						value={values.public_registration_role ?? ''}
						none="No role"
						onChange={(role) => set({ public_registration_role: role || null })}
					/>
				</label>
			</fieldset>
			<div class="width-full">
				<button type="submit" class="primary" disabled={saving}>
					Save
				</button>
			</div>
		</form>
	);
}
