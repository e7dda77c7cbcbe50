import { api } from './api.js';
import { me } from './session.js';
import { createStore } from './store.js';

export interface AccessFlags {
	admin_access: boolean;
	app_access: boolean;
}

/**
 * What the signed-in user's policies add up to, from `/policies/me/globals`. The Studio uses it
 * only to leave out pages the user could not use; the API still refuses every call they may not make.
 */
export const accessFlags = createStore<AccessFlags | null>(null);

let asked: Promise<void> | undefined;

export function loadAccessFlags(): Promise<void> {
	asked ??= api.get<AccessFlags>('/policies/me/globals').then(
		(flags) => accessFlags.set(flags),
		() => {
			asked = undefined;
		},
	);
	return asked;
}

// Another user signing in on the same page has flags of their own.
me.subscribe(() => {
	asked = undefined;
	accessFlags.set(null);
});
