import { useState } from 'preact/hooks';
import { renderSVG } from 'uqr';
import { api, messageOf } from '../lib/api.js';
import { base, navigate } from '../lib/router.js';
import { logout, me, theme, type Theme } from '../lib/session.js';
import { useStore } from '../lib/store.js';
import { notify, reportError } from '../lib/toasts.js';
import { Drawer } from '../shell/drawer.js';

/** The signed-in user's own account: profile, password, two-factor, static token, theme, sign-out. */
export function UserMenu({ onClose }: { onClose: () => void }) {
	const user = useStore(me);
	const chosen = useStore(theme);
	if (!user) return null;
	const name = [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email || 'You';
	return (
		<Drawer title={name} onClose={onClose}>
			<p>
				<a href={`${base}/users/${user.id}`} onClick={onClose}>
					Edit your profile
				</a>
			</p>
			<fieldset>
				<legend>Theme</legend>
				{(['auto', 'light', 'dark'] as Theme[]).map((value) => (
					<label class="check" key={value}>
						<input type="radio" name="theme" value={value} checked={chosen === value} onChange={() => theme.set(value)} />
						{value === 'auto' ? 'Follow the system' : value === 'light' ? 'Light' : 'Dark'}
					</label>
				))}
			</fieldset>
			<PasswordForm />
			<TwoFactor enabled={Boolean(user.tfa_secret)} />
			<StaticToken />
			<button
				type="button"
				class="danger"
				onClick={async () => {
					await logout();
					onClose();
					navigate('/login', { replace: true });
				}}
			>
				Sign out
			</button>
		</Drawer>
	);
}

function PasswordForm() {
	const [password, setPassword] = useState('');
	async function submit(event: Event) {
		event.preventDefault();
		try {
			await api.patch('/users/me', { password });
			setPassword('');
			notify('Password changed.', 'success');
		} catch (error) {
			reportError(error);
		}
	}
	return (
		<form onSubmit={submit} aria-label="Change password">
			<label>
				New password
				<input type="password" autoComplete="new-password" required minLength={8} value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
			</label>
			<button type="submit">Change password</button>
		</form>
	);
}

function TwoFactor({ enabled }: { enabled: boolean }) {
	const [password, setPassword] = useState('');
	const [setup, setSetup] = useState<{ secret: string; otpauth_url: string } | null>(null);
	const [otp, setOtp] = useState('');
	const [error, setError] = useState<string | null>(null);

	async function generate(event: Event) {
		event.preventDefault();
		setError(null);
		try {
			setSetup(await api.post('/users/me/tfa/generate', { password }));
		} catch (failure) {
			setError(messageOf(failure));
		}
	}
	async function confirmCode(event: Event) {
		event.preventDefault();
		setError(null);
		try {
			await api.post(enabled ? '/users/me/tfa/disable' : '/users/me/tfa/enable', enabled ? { otp } : { secret: setup!.secret, otp });
			notify(enabled ? 'Two-factor authentication is off.' : 'Two-factor authentication is on.', 'success');
			me.set({ ...me.get()!, tfa_secret: enabled ? null : '**********' });
			setSetup(null);
			setOtp('');
		} catch (failure) {
			setError(messageOf(failure));
		}
	}

	const otpField = (
		<label>
			Code from your authenticator app
			<input inputMode="numeric" autoComplete="one-time-code" required value={otp} onInput={(e) => setOtp(e.currentTarget.value)} />
		</label>
	);
	return (
		<section aria-labelledby="tfa-title">
			<h3 id="tfa-title">Two-factor authentication</h3>
			{enabled ? (
				<form onSubmit={confirmCode}>
					{otpField}
					<button type="submit">Turn off two-factor</button>
				</form>
			) : setup ? (
				<form onSubmit={confirmCode}>
					<img
						class="qr"
						width={180}
						height={180}
						alt={`QR code for ${setup.otpauth_url}`}
						src={`data:image/svg+xml;utf8,${encodeURIComponent(renderSVG(setup.otpauth_url))}`}
					/>
					<p class="muted">
						Or enter this key: <code>{setup.secret}</code>
					</p>
					{otpField}
					<button type="submit" class="primary">
						Turn on two-factor
					</button>
				</form>
			) : (
				<form onSubmit={generate}>
					<label>
						Your password
						<input type="password" autoComplete="current-password" required value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
					</label>
					<button type="submit">Set up two-factor</button>
				</form>
			)}
			{error && (
				<p class="form-error" role="alert">
					{error}
				</p>
			)}
		</section>
	);
}

function StaticToken() {
	const [token, setToken] = useState<string | null>(null);
	async function generate() {
		const bytes = crypto.getRandomValues(new Uint8Array(24));
		const value = btoa(String.fromCharCode(...bytes)).replace(/[+/=]/g, '');
		try {
			await api.patch('/users/me', { token: value });
			setToken(value);
		} catch (error) {
			reportError(error);
		}
	}
	return (
		<section aria-labelledby="token-title">
			<h3 id="token-title">Static token</h3>
			<p class="muted">A token for scripts that act as you. Generating one replaces the previous one.</p>
			{token && (
				<p>
					Copy it now, it won't be shown again: <code class="token">{token}</code>
				</p>
			)}
			<button type="button" onClick={generate}>
				Generate a token
			</button>
		</section>
	);
}
