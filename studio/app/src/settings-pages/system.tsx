import { useEffect, useState } from 'preact/hooks';
import { api, isMantleError, messageOf } from '../lib/api.js';
import { me } from '../lib/session.js';
import { useStore } from '../lib/store.js';
import { reportError } from '../lib/toasts.js';
import { DataTable } from '../lib/list-page.js';

interface Check {
	status: 'ok' | 'warn' | 'error';
	componentType?: string;
	observedValue?: number;
	observedUnit?: string;
	output?: string;
}

interface Health {
	status: 'ok' | 'warn' | 'error';
	releaseId?: string;
	serviceId?: string;
	checks?: Record<string, Check[]>;
}

/** What `/server/info` tells an admin (others get the project only). */
interface Info {
	project?: Record<string, unknown>;
	version?: string;
	node?: { version?: string };
	database?: { vendor?: string; version?: string };
}

/**
 * `/server/health` answers 503 with the same report when a check fails; the report is what the
 * page shows, so that answer is read as data, not as an error.
 */
async function readHealth(): Promise<Health> {
	const response = await fetch('/server/health', { credentials: 'same-origin', headers: { accept: 'application/health+json' } });
	if (response.status !== 200 && response.status !== 503) throw new Error(`The health check answered ${response.status}.`);
	return (await response.json()) as Health;
}

/** The server's health (database, cache, each storage location), and a storage round trip and a test mail on demand. */
export function SystemPage() {
	const [health, setHealth] = useState<Health | null>(null);
	const [info, setInfo] = useState<Info | null>(null);
	const [storage, setStorage] = useState<{ running: boolean; result?: Array<[string, Check]> }>({ running: false });
	const user = useStore(me);
	const [mail, setMail] = useState<{ to: string; sending: boolean; result?: { ok: boolean; text: string } }>({ to: user?.email ?? '', sending: false });

	async function sendTestMail(event: Event) {
		event.preventDefault();
		setMail({ ...mail, sending: true, result: undefined });
		try {
			await api.post('/server/mail/test', { to: mail.to });
			setMail({ ...mail, sending: false, result: { ok: true, text: `A test message was sent to ${mail.to}.` } });
		} catch (error) {
			setMail({ ...mail, sending: false, result: { ok: false, text: `The test message could not be sent: ${messageOf(error)}` } });
		}
	}

	const refresh = () => readHealth().then(setHealth, reportError);
	useEffect(() => {
		void refresh();
		api.get<Info>('/server/info').then(setInfo, (error) => (isMantleError(error) ? setInfo({}) : reportError(error)));
	}, []);

	async function testStorage() {
		setStorage({ running: true });
		try {
			// The health check writes, reads back and deletes a probe object in every location.
			const report = await readHealth();
			setHealth(report);
			const checks = Object.entries(report.checks ?? {}).filter(([name]) => name.startsWith('storage:'));
			setStorage({ running: false, result: checks.map(([name, list]) => [name.split(':')[1]!, list[0]!]) });
		} catch (error) {
			reportError(error);
			setStorage({ running: false });
		}
	}

	return (
		<section aria-labelledby="system-title">
			<h1 id="system-title">System</h1>
			{info?.version && (
				<p>
					Mantle {info.version} on Node.js {info.node?.version} with {info.database?.vendor} {info.database?.version}
				</p>
			)}
			<h2>Server health</h2>
			{health ? (
				<>
					<p>
						Overall: <strong class={`health-${health.status}`}>{health.status}</strong>{' '}
						<button type="button" onClick={refresh}>
							Check again
						</button>
					</p>
					<DataTable label="Health checks" columns={['Check', 'Status', 'Result']}>
						{Object.entries(health.checks ?? {}).map(([name, [check]]) => (
							<tr key={name}>
								<td>{name}</td>
								<td>{check?.status}</td>
								<td>{check?.output ?? (check?.observedValue !== undefined ? `${check.observedValue} ${check.observedUnit ?? ''}` : '')}</td>
							</tr>
						))}
					</DataTable>
					{!health.checks && <p class="muted">Only administrators see the individual checks.</p>}
				</>
			) : (
				<p class="muted">Checking…</p>
			)}
			<h2>Storage</h2>
			<p>
				<button type="button" onClick={testStorage} disabled={storage.running}>
					Test storage
				</button>
			</p>
			{storage.result && (
				<ul aria-label="Storage test results">
					{storage.result.length === 0 && <li>No storage location was checked.</li>}
					{storage.result.map(([location, check]) => (
						<li key={location}>
							{location}: {check.status === 'error' ? `failed — ${check.output}` : `wrote, read back and deleted a file in ${check.observedValue} ms`}
						</li>
					))}
				</ul>
			)}
			<h2>Mail</h2>
			<form class="row" onSubmit={sendTestMail} aria-label="Mail test">
				<div class="field">
					<label for="mail-test-to">Send a test message to</label>
					<input id="mail-test-to" type="email" required value={mail.to} onInput={(e) => setMail({ ...mail, to: e.currentTarget.value })} />
				</div>
				<button type="submit" disabled={mail.sending}>
					Send test mail
				</button>
			</form>
			{mail.result && (
				<p role="status" class={mail.result.ok ? undefined : 'form-error'}>
					{mail.result.text}
				</p>
			)}
		</section>
	);
}
