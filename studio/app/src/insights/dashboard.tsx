import { useEffect, useMemo, useState } from 'preact/hooks';
import { navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { createPanel, deleteDashboard, deletePanel, listPanels, readDashboard, updatePanel, type Dashboard as DashboardRecord, type Panel } from './api.js';
import { useGridDrag } from './grid-drag.js';
import { loadPanelExtensions, type PanelDefinition } from './panel-extensions.js';
import { PanelEditor } from './panel-editor.js';
import { PanelBody } from './panels.js';
import { substitute, type Variables } from './variables.js';

/** One grid unit, in pixels; positions start at 1, as Directus stores them. */
const unit = 20;
const intervals: Array<[number, string]> = [
	[0, 'Off'],
	[5, 'Every 5 seconds'],
	[30, 'Every 30 seconds'],
	[60, 'Every minute'],
	[300, 'Every 5 minutes'],
];

/** The first free place, row by row, for a panel of this size on a grid 48 units wide. */
function freePlace(panels: Panel[], width: number, height: number): { x: number; y: number } {
	const overlaps = (x: number, y: number) =>
		panels.some(
			(panel) => x < panel.position_x + panel.width && panel.position_x < x + width && y < panel.position_y + panel.height && panel.position_y < y + height,
		);
	for (let y = 1; ; y++) for (let x = 1; x + width <= 49; x++) if (!overlaps(x, y)) return { x, y };
}

/** `/insights/:dashboard`: its panels on the grid, refreshed on demand or on a timer, and edited in place. */
export function Dashboard({ id }: { id: string }) {
	const [dashboard, setDashboard] = useState<DashboardRecord | null>(null);
	const [panels, setPanels] = useState<Panel[]>([]);
	const [extensions, setExtensions] = useState<Map<string, PanelDefinition>>(new Map());
	const [editing, setEditing] = useState<{ panel?: Panel } | null>(null);
	const [tick, setTick] = useState(0);
	const [every, setEvery] = useState(0);
	const [values, setValues] = useState<Variables>({});
	const drag = useGridDrag(unit, 1, async (panelId, x, y) => {
		setPanels((list) => list.map((panel) => (panel.id === panelId ? { ...panel, position_x: x, position_y: y } : panel)));
		try {
			await updatePanel(panelId, { position_x: x, position_y: y });
		} catch (error) {
			reportError(error);
			await reload();
		}
	});

	const reload = async () => {
		const [found, list] = await Promise.all([readDashboard(id), listPanels(id)]);
		setDashboard(found);
		setPanels(list);
	};
	useEffect(() => {
		reload().catch(reportError);
		loadPanelExtensions().then(setExtensions, reportError);
	}, [id]);
	useEffect(() => {
		if (!every) return;
		const timer = setInterval(() => setTick((value) => value + 1), every * 1000);
		return () => clearInterval(timer);
	}, [every]);

	// A variable holds what the viewer typed, else its panel's default.
	const variables = useMemo(() => {
		const result: Variables = {};
		for (const panel of panels) {
			const name = panel.type === 'variable' ? String(panel.options?.field ?? '') : '';
			if (name) result[name] = name in values ? values[name] : (panel.options?.defaultValue ?? '');
		}
		return result;
	}, [panels, values]);

	if (!dashboard) return <p class="muted">Loading…</p>;
	const height = Math.max(20, ...panels.map((panel) => panel.position_y + panel.height)) * unit;
	const width = Math.max(40, ...panels.map((panel) => panel.position_x + panel.width)) * unit;

	async function save(changes: Partial<Panel>) {
		if (editing?.panel) await updatePanel(editing.panel.id, changes);
		else await createPanel({ ...changes, dashboard: id });
		await reload();
		setEditing(null);
	}

	return (
		<section class="dashboard" aria-labelledby="dashboard-title">
			<header class="page-header">
				<h1 id="dashboard-title">{dashboard.name}</h1>
				<div class="actions">
					<label class="inline-label">
						Auto refresh
						<select value={every} onChange={(e) => setEvery(Number(e.currentTarget.value))}>
							{intervals.map(([seconds, label]) => (
								<option key={seconds} value={seconds}>
									{label}
								</option>
							))}
						</select>
					</label>
					<button type="button" onClick={() => setTick(tick + 1)}>
						Refresh
					</button>
					<button type="button" class="primary" onClick={() => setEditing({})}>
						Add panel
					</button>
					<button
						type="button"
						class="danger"
						onClick={async () => {
							if (!confirm(`Delete the dashboard ${dashboard.name} and its panels?`)) return;
							try {
								await deleteDashboard(id);
								navigate('/insights');
							} catch (error) {
								reportError(error);
							}
						}}
					>
						Delete dashboard
					</button>
				</div>
			</header>
			{dashboard.note && <p class="muted">{dashboard.note}</p>}
			<div class="flow-workspace">
				<div class="dashboard-canvas">
					<div class="dashboard-grid" style={{ height: `${height}px`, width: `${width}px` }}>
						{panels.length === 0 && <p class="empty">No panel yet: add one.</p>}
						{panels.map((panel) => {
							const { x, y } = drag.at(panel.id, panel.position_x, panel.position_y);
							return (
								<article
									key={panel.id}
									class={`insight-panel${drag.dragging?.id === panel.id ? ' dragging' : ''}`}
									aria-label={panel.name ?? panel.type}
									data-type={panel.type}
									style={{
										left: `${(x - 1) * unit}px`,
										top: `${(y - 1) * unit}px`,
										width: `${panel.width * unit}px`,
										height: `${panel.height * unit}px`,
										...(panel.color ? { borderTopColor: panel.color } : {}),
									}}
								>
									<header class="drag-handle" title="Drag to move" {...(drag.handlers(panel.id, panel.position_x, panel.position_y) as object)}>
										{panel.show_header && panel.name ? <h2>{panel.name}</h2> : <span />}
										<button type="button" class="ghost" aria-label={`Edit panel ${panel.name ?? panel.type}`} onClick={() => setEditing({ panel })}>
											✎
										</button>
									</header>
									<div class="panel-body">
										<PanelBody
											type={panel.type}
											options={substitute(panel.options ?? {}, variables) as Record<string, unknown>}
											tick={tick}
											dashboard={id}
											width={panel.width}
											height={panel.height}
											showHeader={panel.show_header}
											extension={extensions.get(panel.type)}
											variable={
												panel.type === 'variable'
													? {
															value: variables[String(panel.options?.field ?? '')],
															set: (value) => setValues({ ...values, [String(panel.options?.field ?? '')]: value }),
														}
													: undefined
											}
										/>
									</div>
								</article>
							);
						})}
					</div>
				</div>
				{editing && (
					<PanelEditor
						key={editing.panel?.id ?? 'new'}
						panel={editing.panel}
						extensions={extensions}
						place={(width, height) => freePlace(panels, width, height)}
						onClose={() => setEditing(null)}
						onSave={save}
						onDelete={
							editing.panel
								? async () => {
										try {
											await deletePanel(editing.panel!.id);
											await reload();
											setEditing(null);
										} catch (error) {
											reportError(error);
										}
									}
								: undefined
						}
					/>
				)}
			</div>
		</section>
	);
}
