import { useEffect, useState } from 'preact/hooks';
import { DataTable, ListPage } from '../lib/list-page.js';
import { base, navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { createFlow, listFlows, type Flow, type TriggerType } from './api.js';
import { triggerType, triggerTypes } from './triggers.js';

/** `/settings/flows`: every flow with its trigger and state, and a form to start a new one. */
export function FlowList() {
	const [flows, setFlows] = useState<Flow[] | null>(null);
	useEffect(() => {
		listFlows().then(setFlows, (error) => (reportError(error), setFlows([])));
	}, []);

	async function create(form: FormData) {
		try {
			const created = await createFlow({
				name: String(form.get('name')),
				trigger: String(form.get('trigger')) as TriggerType,
				status: 'active',
				accountability: 'all',
				options: {},
			});
			navigate(`/settings/flows/${created.id}`);
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<ListPage
			titleId="flows-title"
			title="Flows"
			createLabel="Create flow"
			formLabel="New flow"
			onCreate={create}
			items={flows}
			empty="No flow yet."
			form={
				<>
					<div class="field">
						<label for="new-flow-name">Flow name</label>
						<input id="new-flow-name" name="name" required maxLength={255} autoFocus />
					</div>
					<div class="field">
						<label for="new-flow-trigger">Trigger</label>
						<select id="new-flow-trigger" name="trigger" defaultValue="manual">
							{triggerTypes.map((entry) => (
								<option key={entry.id} value={entry.id}>
									{entry.name}
								</option>
							))}
						</select>
					</div>
				</>
			}
		>
			{(flows) => (
				<DataTable label="Flows" columns={['Name', 'Trigger', 'Status']}>
					{flows.map((flow) => (
						<tr key={flow.id}>
							<td>
								<a href={`${base}/settings/flows/${flow.id}`}>{flow.name}</a>
							</td>
							<td>{triggerType(flow.trigger)?.name ?? flow.trigger}</td>
							<td>{flow.status === 'active' ? 'Active' : 'Inactive'}</td>
						</tr>
					))}
				</DataTable>
			)}
		</ListPage>
	);
}
