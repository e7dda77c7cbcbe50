import type { Accountability } from '@mantle/extensions-sdk';
import type { PermissionRow } from './types.js';

/**
 * The self-service routes call the engine with the caller's accountability marked `selfService`:
 * their own permissions then include the built-in ones below. Elsewhere (listing `/users`, say)
 * only the caller's policies count, so a role without a users permission lists no users.
 */
export function isSelfService(accountability: Accountability): boolean {
	return (accountability as Accountability & { selfService?: unknown }).selfService === true;
}

/** What every signed-in user may change about themselves, whatever their policies say. */
const ownWritable = [
	'first_name',
	'last_name',
	'email',
	'password',
	'location',
	'title',
	'description',
	'tags',
	'avatar',
	'language',
	'appearance',
	'theme_dark',
	'theme_light',
	'theme_light_overrides',
	'theme_dark_overrides',
	'email_notifications',
];

/**
 * What every signed-in user may read of their own user: what they may change, and how their
 * account stands. Secrets and sign-in plumbing stay out.
 */
const ownReadable = ['id', ...ownWritable, 'tfa_secret', 'status', 'role', 'last_access', 'last_page', 'provider', 'text_direction'];

const own = { id: { _eq: '$CURRENT_USER' } };

/**
 * Built-in permissions merged with a signed-in caller's policies, as if one more policy granted
 * them: `/users/me` then reads and writes through the caller's own permissions, and anything
 * reached through their own user (an avatar, its uploader) is checked like any other read.
 */
export const selfServicePermissions: readonly PermissionRow[] = Object.freeze([
	{ collection: 'directus_users', action: 'read', fields: ownReadable.join(','), permissions: own, validation: null, presets: null, policy: '$self-service' },
	{ collection: 'directus_users', action: 'update', fields: ownWritable.join(','), permissions: own, validation: null, presets: null, policy: '$self-service' },
]);
