import { match } from '../lib/router.js';
import { useStyles } from '../settings-pages/styles.js';
import { css } from './styles.js';
import { Dashboard } from './dashboard.js';
import { DashboardList } from './dashboard-list.js';

/** `/insights` and `/insights/:dashboard`. */
export default function Insights({ path }: { path: string }) {
	useStyles('insights', css);
	const id = match('/insights/:dashboard', path)?.dashboard;
	return <div class="insights">{id ? <Dashboard key={id} id={id} /> : <DashboardList />}</div>;
}
