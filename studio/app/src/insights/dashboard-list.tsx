import { useEffect, useState } from 'preact/hooks';
import { base, navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { Icon } from '../shell/icons.js';
import { createDashboard, listDashboards, type Dashboard } from './api.js';

/** `/insights`: the dashboards the viewer may read, and a form to start one. */
export function DashboardList() {
	const [dashboards, setDashboards] = useState<Dashboard[] | null>(null);
	const [creating, setCreating] = useState(false);
	useEffect(() => {
		listDashboards().then(setDashboards, (error) => (reportError(error), setDashboards([])));
	}, []);

	async function create(event: Event) {
		event.preventDefault();
		const form = new FormData(event.currentTarget as HTMLFormElement);
		try {
			const created = await createDashboard({ name: String(form.get('name')), note: String(form.get('note') ?? '') || null, icon: 'insights' });
			navigate(`/insights/${created.id}`);
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<section aria-labelledby="insights-title">
			<header class="page-header">
				<h1 id="insights-title">Insights</h1>
				<div class="actions">
					<button type="button" class="primary" onClick={() => setCreating(true)}>
						Create dashboard
					</button>
				</div>
			</header>
			{creating && (
				<form class="row create-flow" onSubmit={create} aria-label="New dashboard">
					<div class="field">
						<label for="new-dashboard-name">Dashboard name</label>
						<input id="new-dashboard-name" name="name" required maxLength={255} autoFocus />
					</div>
					<div class="field">
						<label for="new-dashboard-note">Note</label>
						<input id="new-dashboard-note" name="note" />
					</div>
					<button type="submit" class="primary">
						Create
					</button>
					<button type="button" onClick={() => setCreating(false)}>
						Cancel
					</button>
				</form>
			)}
			{!dashboards ? (
				<p class="muted">Loading…</p>
			) : dashboards.length === 0 ? (
				<p class="empty">No dashboard yet.</p>
			) : (
				<ul class="market-grid" aria-label="Dashboards">
					{dashboards.map((dashboard) => (
						<li key={dashboard.id} class="market-card">
							<a href={`${base}/insights/${dashboard.id}`}>
								<Icon name={dashboard.icon} /> <strong>{dashboard.name}</strong>
							</a>
							{dashboard.note && <p class="muted">{dashboard.note}</p>}
						</li>
					))}
				</ul>
			)}
		</section>
	);
}
