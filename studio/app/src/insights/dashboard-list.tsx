import { LabelledField } from '../lib/form-fields.js';
import { ListPage, useRecords } from '../lib/list-page.js';
import { base, navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { Icon } from '../shell/icons.js';
import { createDashboard, listDashboards, type Dashboard } from './api.js';

/** `/insights`: the dashboards the viewer may read, and a form to start one. */
export function DashboardList() {
	const dashboards = useRecords<Dashboard>(listDashboards);

	async function create(form: FormData) {
		try {
			const created = await createDashboard({ name: String(form.get('name')), note: String(form.get('note') ?? '') || null, icon: 'insights' });
			navigate(`/insights/${created.id}`);
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<ListPage
			titleId="insights-title"
			title="Insights"
			noun="dashboard"
			onCreate={create}
			items={dashboards}
			form={
				<LabelledField id="new-dashboard-note" label="Note">
					<input id="new-dashboard-note" name="note" />
				</LabelledField>
			}
		>
			{(dashboards) => (
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
		</ListPage>
	);
}
