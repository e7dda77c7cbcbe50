export const css = `
.marketplace-filters { margin-bottom: 16px; }
.market-grid { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); gap: 12px; }
.market-card { border: 1px solid var(--border); border-radius: var(--radius); padding: 12px; display: grid; gap: 6px; align-content: start; }
.market-card p { margin: 0; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
.facts dt { color: var(--fg-muted); }
.facts dd { margin: 0; }
.badge.verified { color: var(--accent); }
.extension-actions { margin: 16px 0; }
.install-confirm { border: 2px solid var(--accent); border-radius: var(--radius); padding: 12px 16px; margin: 16px 0; }
.scope-list { padding-left: 20px; }
.readme { border: 1px solid var(--border); border-radius: var(--radius); padding: 12px 16px; overflow-wrap: anywhere; }
.state-failed, .state-awaiting-grant { border-color: var(--danger); }
`;
