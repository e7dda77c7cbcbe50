import { LabelledField, NamedOptions } from '../lib/form-fields.js';
import { DataTable, ListPage, useRecords } from '../lib/list-page.js';
import { base, navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { createFlow, listFlows, type Flow, type TriggerType } from './api.js';
import { triggerType, triggerTypes } from './triggers.js';

/** `/settings/flows`: every flow with its trigger and state, and a form to start a new one. */
export function FlowList() {
	const flows = useRecords<Flow>(listFlows);

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
			noun="flow"
			onCreate={create}
			items={flows}
			form={
				<LabelledField id="new-flow-trigger" label="Trigger">
					<select id="new-flow-trigger" name="trigger" defaultValue="manual">
						<NamedOptions types={triggerTypes} />
					</select>
				</LabelledField>
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
