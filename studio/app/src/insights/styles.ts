export const css = `
.insights .flow-workspace { display: flex; gap: 16px; align-items: flex-start; }
.market-grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; }
.market-card { border: 1px solid var(--border); border-radius: var(--radius); padding: 12px; display: grid; gap: 6px; }
.inline-label { display: inline-flex; align-items: center; gap: 6px; }
.inline-label select { width: auto; }
.dashboard-canvas { flex: 1; min-width: 0; overflow: auto; }
.dashboard-grid { position: relative; background-image: radial-gradient(var(--border) 1px, transparent 1px); background-size: 20px 20px; }
.insight-panel { position: absolute; box-sizing: border-box; padding: 4px; }
.insight-panel > header, .insight-panel > .panel-body { background: var(--bg); }
.insight-panel { display: flex; flex-direction: column; border: 1px solid var(--border); border-top: 3px solid var(--accent); border-radius: var(--radius); background: var(--bg); overflow: hidden; }
.insight-panel > header { display: flex; justify-content: space-between; align-items: center; padding: 0 4px 0 8px; }
.insight-panel > header h2 { font-size: 0.95rem; margin: 4px 0; }
.insight-panel > header button { min-height: 24px; padding: 0 6px; }
.panel-body { flex: 1; min-height: 0; overflow: auto; padding: 4px 8px 8px; }
.metric { font-size: 2.4rem; font-weight: 700; margin: 0; }
.panel-error { color: var(--danger); margin: 0; }
.panel-list { margin: 0; padding-left: 18px; }
.bar-chart { list-style: none; margin: 0; padding: 0; display: grid; gap: 6px; }
.bar-chart li { display: grid; grid-template-columns: minmax(60px, 30%) 1fr auto; gap: 8px; align-items: center; }
.bar-label { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.bar-track { background: var(--bg-subtle); border-radius: 3px; height: 14px; }
.bar { display: block; height: 100%; border-radius: 3px; }
.pie-chart { display: flex; gap: 12px; align-items: center; height: 100%; }
.pie-chart svg { height: 100%; max-height: 160px; aspect-ratio: 1; }
.legend { list-style: none; margin: 0; padding: 0; font-size: 0.85rem; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 2px; margin-right: 6px; }
.line-chart { margin: 0; height: 100%; display: flex; flex-direction: column; }
.line-chart svg { flex: 1; width: 100%; min-height: 60px; }
.axis { display: flex; justify-content: space-between; font-size: 0.75rem; color: var(--fg-muted); }
.drag-handle { cursor: grab; touch-action: none; user-select: none; }
.insight-panel.dragging { opacity: 0.85; box-shadow: 0 4px 12px rgb(0 0 0 / 0.25); z-index: 1; }
.place-grid { display: grid; grid-template-columns: 1fr 1fr; gap: 8px; }
.flow-panel { width: 360px; flex: none; border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 16px; max-height: calc(100vh - 140px); overflow: auto; }
.flow-panel form, .options-form { display: grid; gap: 10px; }
`;
