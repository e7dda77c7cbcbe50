import type { ExtensionInfo } from './types.js';

const labels: Record<ExtensionInfo['status'], string> = {
	loaded: 'Running',
	failed: 'Failed to load',
	disabled: 'Disabled',
	'awaiting-grant': 'Waiting for a scope grant',
};

/** An installed extension's state in words, with the load error when there is one. */
export function StateBadge({ extension }: { extension: ExtensionInfo }) {
	return (
		<span class={`badge state-${extension.status}`} title={extension.error}>
			{labels[extension.status] ?? extension.status}
			{extension.trusted ? ' · trusted' : extension.sandboxed ? ' · sandboxed' : ''}
		</span>
	);
}
