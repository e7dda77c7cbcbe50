import { useEffect, useState } from 'preact/hooks';
import { api, client, isMantleError, messageOf } from '../lib/api.js';
import { loadMe, project } from '../lib/session.js';
import { useStore } from '../lib/store.js';

interface Provider {
	name: string;
	driver?: string;
	icon?: string | null;
	label?: string | null;
}

export function Login({ onSignedIn }: { onSignedIn: () => Promise<void> }) {
	const { name } = useStore(project);
	const [email, setEmail] = useState('');
	const [password, setPassword] = useState('');
	const [otp, setOtp] = useState('');
	const [needsOtp, setNeedsOtp] = useState(false);
	const [error, setError] = useState<string | null>(null);
	const [busy, setBusy] = useState(false);
	const [providers, setProviders] = useState<Provider[]>([]);

	useEffect(() => {
		api.get<Provider[]>('/auth').then(
			(list) => setProviders(Array.isArray(list) ? list : []),
			() => setProviders([]),
		);
	}, []);

	async function submit(event: Event) {
		event.preventDefault();
		setBusy(true);
		setError(null);
		try {
			await client.login({ email, password, ...(otp ? { otp } : {}) }, { mode: 'session' });
			await loadMe();
			await onSignedIn();
		} catch (failure) {
			if (isMantleError(failure) && failure.code === 'INVALID_OTP') setNeedsOtp(true);
			setError(messageOf(failure));
		} finally {
			setBusy(false);
		}
	}

	// Back to the Studio in session mode: the provider's sign-in ends in the same cookie a local one sets.
	const back = `${location.origin}/admin/content`;
	return (
		<main class="login">
			<form class="login-card" onSubmit={submit} aria-labelledby="login-title">
				<h1 id="login-title">{name}</h1>
				<p class="muted">Sign in to the Data Studio</p>
				<label>
					Email
					<input type="email" name="email" autoComplete="username" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
				</label>
				<label>
					Password
					<input
						type="password"
						name="password"
						autoComplete="current-password"
						required
						value={password}
						onInput={(e) => setPassword(e.currentTarget.value)}
					/>
				</label>
				{needsOtp && (
					<label>
						One-time password
						<input inputMode="numeric" name="otp" autoComplete="one-time-code" value={otp} onInput={(e) => setOtp(e.currentTarget.value)} />
					</label>
				)}
				{error && (
					<p class="form-error" role="alert">
						{error}
					</p>
				)}
				<button type="submit" class="primary" disabled={busy}>
					{busy ? 'Signing in…' : 'Sign in'}
				</button>
				{providers.length > 0 && (
					<div class="sso" aria-label="Single sign-on">
						{providers.map((provider) => (
							<a
								class="button"
								href={`/auth/login/${encodeURIComponent(provider.name)}?${new URLSearchParams({ redirect: back, mode: 'session' })}`}
								key={provider.name}
							>
								Log in with {provider.label ?? provider.name}
							</a>
						))}
					</div>
				)}
			</form>
		</main>
	);
}
