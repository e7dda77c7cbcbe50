import { api, client, isMantleError } from './api.js';
import { createStore } from './store.js';

export interface Me {
	id: string;
	email: string | null;
	first_name: string | null;
	last_name: string | null;
	tfa_secret?: string | null;
	role?: { id: string; name: string; admin_access?: boolean } | string | null;
	admin_access?: boolean;
}

export interface Project {
	name: string;
	color: string | null;
}

export type Theme = 'auto' | 'light' | 'dark';

export const me = createStore<Me | null>(null);
export const project = createStore<Project>({ name: 'Mantle', color: null });
export const theme = createStore<Theme>((localStorage.getItem('mantle_theme') as Theme | null) ?? 'auto');

theme.subscribe((value) => {
	localStorage.setItem('mantle_theme', value);
	applyTheme();
});

/** `auto` follows the OS (the stylesheet's `color-scheme: light dark`); the others pin a theme. */
export function applyTheme(): void {
	const value = theme.get();
	if (value === 'auto') delete document.documentElement.dataset.theme;
	else document.documentElement.dataset.theme = value;
}

/**
 * Who is signed in, or null when nobody is. A role may hide some of the user's own fields, or
 * the whole record: fewer fields are asked for then, and a 403 still means signed in.
 */
export async function loadMe(): Promise<Me | null> {
	const attempts = [['id', 'email', 'first_name', 'last_name', 'tfa_secret', 'role.id', 'role.name'], ['id', 'email', 'first_name', 'last_name'], ['id']];
	for (const fields of attempts) {
		try {
			const user = await api.get<Me>('/users/me', { fields });
			me.set(user);
			return user;
		} catch (error) {
			if (!isMantleError(error) || error.status !== 403) break;
			// Nobody signed in is a 401; a 403 on the plainest read is a role that can't read itself.
			if (fields.length === 1) {
				const self: Me = { id: '', email: null, first_name: null, last_name: null };
				me.set(self);
				return self;
			}
		}
	}
	me.set(null);
	return null;
}

/** The project's name and colour, from `/settings`; the defaults when it cannot be read. */
export async function loadProject(): Promise<void> {
	try {
		const settings = await api.get<{ project_name?: string | null; project_color?: string | null }>('/settings');
		project.set({ name: settings.project_name || 'Mantle', color: settings.project_color ?? null });
	} catch {
		project.set({ name: 'Mantle', color: null });
	}
	document.title = project.get().name;
	if (project.get().color) document.documentElement.style.setProperty('--project', project.get().color!);
}

export async function logout(): Promise<void> {
	await client.logout().catch(() => undefined);
	me.set(null);
}
