import { command } from '../command.js';
import type { Query } from '../schema.js';
import { createMany, createOne, deleteMany, deleteOne, readMany, readOne, updateMany, updateOne, type Key, type SystemItem } from './crud.js';

/** A user as the API shows it; further fields are the schema's own. */
export interface User extends SystemItem {
	id: string;
	email: string | null;
	first_name: string | null;
	last_name: string | null;
	role: string | null;
	status: string;
}

const path = '/users';

export const readUsers = (query?: Query) => readMany<User>(path, query);
export const readUser = (key: Key, query?: Query) => readOne<User>(path, key, query);
/** The signed-in user. */
export const readMe = (query?: Query) => readOne<User>(path, 'me', query);
export const updateMe = (item: Partial<User>, query?: Query) => updateOne<User>(path, 'me', item, query);
export const createUser = (item: Partial<User> & { password?: string }, query?: Query) => createOne<User>(path, item, query);
export const createUsers = (items: Array<Partial<User> & { password?: string }>, query?: Query) => createMany<User>(path, items, query);
export const updateUser = (key: Key, item: Partial<User> & { password?: string }, query?: Query) => updateOne<User>(path, key, item, query);
export const updateUsers = (keysOrQuery: Key[] | Query, item: Partial<User>, query?: Query) => updateMany<User>(path, keysOrQuery, item, query);
export const deleteUser = (key: Key) => deleteOne(path, key);
export const deleteUsers = (keysOrQuery: Key[] | Query) => deleteMany(path, keysOrQuery);
export const inviteUser = (email: string, role: string, inviteUrl?: string) =>
	command<void>({ method: 'POST', path: '/users/invite', body: { email, role, ...(inviteUrl ? { invite_url: inviteUrl } : {}) } });
export const acceptUserInvite = (token: string, password: string) =>
	command<void>({ method: 'POST', path: '/users/invite/accept', body: { token, password }, auth: false });
export const registerUser = (email: string, password: string, extra: SystemItem = {}) =>
	command<void>({ method: 'POST', path: '/users/register', body: { ...extra, email, password }, auth: false });
export const generateTwoFactorSecret = (password: string) =>
	command<{ secret: string; otpauth_url: string }>({ method: 'POST', path: '/users/me/tfa/generate', body: { password } });
export const enableTwoFactor = (secret: string, otp: string) => command<void>({ method: 'POST', path: '/users/me/tfa/enable', body: { secret, otp } });
export const disableTwoFactor = (otp: string) => command<void>({ method: 'POST', path: '/users/me/tfa/disable', body: { otp } });
