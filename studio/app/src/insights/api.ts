import { api } from '../lib/api.js';

export interface Dashboard {
	id: string;
	name: string;
	icon: string;
	note: string | null;
	color: string | null;
}

export interface Panel {
	id: string;
	dashboard: string;
	name: string | null;
	icon: string | null;
	color: string | null;
	show_header: boolean;
	note: string | null;
	type: string;
	position_x: number;
	position_y: number;
	width: number;
	height: number;
	options: Record<string, unknown> | null;
}

const dashboardFields = ['id', 'name', 'icon', 'note', 'color'];
const panelFields = ['id', 'dashboard', 'name', 'icon', 'color', 'show_header', 'note', 'type', 'position_x', 'position_y', 'width', 'height', 'options'];

export const listDashboards = () => api.get<Dashboard[]>('/dashboards', { fields: dashboardFields, sort: ['name'], limit: -1 });
export const readDashboard = (id: string) => api.get<Dashboard>(`/dashboards/${encodeURIComponent(id)}`, { fields: dashboardFields });
export const createDashboard = (dashboard: Partial<Dashboard>) => api.post<Dashboard>('/dashboards', dashboard, { fields: dashboardFields });
export const deleteDashboard = (id: string) => api.delete(`/dashboards/${encodeURIComponent(id)}`);

export const listPanels = (dashboard: string) => api.get<Panel[]>('/panels', { fields: panelFields, filter: { dashboard: { _eq: dashboard } }, limit: -1 });
export const createPanel = (panel: Partial<Panel>) => api.post<Panel>('/panels', panel, { fields: panelFields });
export const updatePanel = (id: string, changes: Partial<Panel>) => api.patch<Panel>(`/panels/${encodeURIComponent(id)}`, changes, { fields: panelFields });
export const deletePanel = (id: string) => api.delete(`/panels/${encodeURIComponent(id)}`);
