import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../lib/api.js';
import { notify } from '../lib/toasts.js';
import { runManualFlow } from './api.js';
import { confirmationFields, ManualConfirm } from './manual-confirm.js';

interface ManualFlow {
	id: string;
	name: string;
	options: { collections?: string[]; location?: string; requireConfirmation?: boolean; confirmationDescription?: string; fields?: unknown } | null;
}

/**
 * Buttons for the active manual flows of a collection, run on the selected items (on a collection
 * page) or on the open one (on an item page), as the flow's `location` asks. Users who may
 * not read flows simply see none; the trigger itself checks they may read those items.
 */
export function ManualFlowButtons({ collection, keys, where }: { collection: string; keys: Array<string | number>; where: 'collection' | 'item' }) {
	const [flows, setFlows] = useState<ManualFlow[]>([]);
	const [running, setRunning] = useState<string | null>(null);
	/** The flow whose confirmation is open. */
	const [asking, setAsking] = useState<ManualFlow | null>(null);
	useEffect(() => {
		api.get<ManualFlow[]>('/flows', { fields: ['id', 'name', 'options'], filter: { trigger: { _eq: 'manual' }, status: { _eq: 'active' } }, limit: -1 }).then(
			(found) =>
				setFlows(found.filter((flow) => flow.options?.collections?.includes(collection) && [undefined, 'both', where].includes(flow.options.location))),
			() => setFlows([]),
		);
	}, [collection, where]);

	async function run(flow: ManualFlow, values: Record<string, unknown> = {}) {
		setAsking(null);
		setRunning(flow.id);
		try {
			await runManualFlow(flow.id, collection, keys, values);
			notify(`“${flow.name}” ran on ${keys.length} item${keys.length === 1 ? '' : 's'}.`, 'success');
		} catch (error) {
			notify(`“${flow.name}” failed: ${messageOf(error)}`, 'error');
		} finally {
			setRunning(null);
		}
	}

	return (
		<>
			{flows.map((flow) => (
				<button
					key={flow.id}
					type="button"
					disabled={keys.length === 0 || running !== null}
					title={keys.length === 0 ? 'Select items to run this flow on' : undefined}
					onClick={() => (flow.options?.requireConfirmation ? setAsking(flow) : run(flow))}
				>
					▶ {flow.name}
				</button>
			))}
			{asking && (
				<ManualConfirm
					name={asking.name}
					description={asking.options?.confirmationDescription ?? ''}
					fields={confirmationFields(asking.options?.fields)}
					onRun={(values) => run(asking, values)}
					onClose={() => setAsking(null)}
				/>
			)}
		</>
	);
}
