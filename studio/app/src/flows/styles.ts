export const css = `
.flow-workspace { display: flex; gap: 16px; align-items: flex-start; }
.flow-canvas { flex: 1; min-width: 0; overflow: auto; max-height: calc(100vh - 180px); border: 1px solid var(--border); border-radius: var(--radius);
	background-color: var(--bg-subtle); background-image: radial-gradient(var(--border) 1px, transparent 1px); background-size: 20px 20px; }
.flow-plane { position: relative; }
.flow-links { position: absolute; inset: 0; pointer-events: none; }
.flow-link { fill: none; stroke-width: 3; }
.link-resolve { stroke: #2e9d4f; }
.link-reject { stroke: #d64545; stroke-dasharray: 6 4; }
.flow-card { position: absolute; box-sizing: border-box; background: var(--bg); border: 1px solid var(--border); border-radius: var(--radius);
	padding: 8px 10px; display: grid; align-content: space-between; box-shadow: 0 1px 3px rgb(0 0 0 / 0.12); }
.flow-card header { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.flow-card p { margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.flow-card .row { gap: 4px; }
.flow-card button { min-height: 28px; padding: 2px 8px; font-size: 0.85rem; }
.trigger-card { border-color: var(--accent); }
.drag-handle { cursor: grab; touch-action: none; user-select: none; }
.flow-card.dragging { opacity: 0.85; box-shadow: 0 4px 12px rgb(0 0 0 / 0.25); }
.flow-card.dragging .drag-handle { cursor: grabbing; }
.add-resolve { color: #2e9d4f; }
.add-reject { color: #d64545; }
.flow-panel { width: 360px; flex: none; border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 16px; max-height: calc(100vh - 180px); overflow: auto; }
.flow-panel form, .options-form { display: grid; gap: 10px; }
.flow-panel h2 { margin-top: 0; }
.flow-panel textarea.code, .run-log pre { font-family: ui-monospace, monospace; font-size: 0.8rem; }
.run-log pre { white-space: pre-wrap; overflow-wrap: anywhere; background: var(--bg-subtle); padding: 6px; border-radius: var(--radius); }
.runs, .steps { padding-left: 18px; }
.run-resolve, .step-resolve > strong { color: #2e9d4f; }
.run-reject, .step-reject > strong { color: #d64545; }
.manual-flows { display: contents; }
`;
