import { useEffect, useState } from 'preact/hooks';
import { base, navigate } from '../lib/router.js';
import { reportError } from '../lib/toasts.js';
import { createFlow, listFlows, type Flow, type TriggerType } from './api.js';
import { triggerType, triggerTypes } from './triggers.js';

/** `/settings/flows`: every flow with its trigger and state, and a form to start a new one. */
export function FlowList() {
	const [flows, setFlows] = useState<Flow[] | null>(null);
	const [creating, setCreating] = useState(false);
	useEffect(() => {
		listFlows().then(setFlows, (error) => (reportError(error), setFlows([])));
	}, []);

	async function create(event: Event) {
		event.preventDefault();
		const form = new FormData(event.currentTarget as HTMLFormElement);
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
		<section aria-labelledby="flows-title">
			<header class="page-header">
				<h1 id="flows-title">Flows</h1>
				<div class="actions">
					<button type="button" class="primary" onClick={() => setCreating(true)}>
						Create flow
					</button>
				</div>
			</header>
			{creating && (
				<form class="row create-flow" onSubmit={create} aria-label="New flow">
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
					<button type="submit" class="primary">
						Create
					</button>
					<button type="button" onClick={() => setCreating(false)}>
						Cancel
					</button>
				</form>
			)}
			{!flows ? (
				<p class="muted">Loading…</p>
			) : flows.length === 0 ? (
				<p class="empty">No flow yet.</p>
			) : (
				<table class="table" aria-label="Flows">
					<thead>
						<tr>
							<th scope="col">Name</th>
							<th scope="col">Trigger</th>
							<th scope="col">Status</th>
						</tr>
					</thead>
					<tbody>
						{flows.map((flow) => (
							<tr key={flow.id}>
								<td>
									<a href={`${base}/settings/flows/${flow.id}`}>{flow.name}</a>
								</td>
								<td>{triggerType(flow.trigger)?.name ?? flow.trigger}</td>
								<td>{flow.status === 'active' ? 'Active' : 'Inactive'}</td>
							</tr>
						))}
					</tbody>
				</table>
			)}
		</section>
	);
}
