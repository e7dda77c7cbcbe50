// Auth routes besides the client's own login, refresh and logout.
import { command } from '../command.js';

export const readProviders = () =>
	command<Array<{ name: string; driver: string; icon?: string | null; label?: string }>>({ method: 'GET', path: '/auth', auth: false });
export const passwordRequest = (email: string, resetUrl?: string) =>
	command<void>({ method: 'POST', path: '/auth/password/request', body: { email, ...(resetUrl ? { reset_url: resetUrl } : {}) }, auth: false });
export const passwordReset = (token: string, password: string) =>
	command<void>({ method: 'POST', path: '/auth/password/reset', body: { token, password }, auth: false });
