import { useEffect, useState } from 'preact/hooks';
import { reportError } from '../lib/toasts.js';
import { listRuns, type Operation, type Run } from './api.js';

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The flow's logged runs, newest first: each step's outcome, options and result. */
export function RunLog({ flow, operations, onClose }: { flow: string; operations: Operation[]; onClose: () => void }) {
	const [runs, setRuns] = useState<Run[] | null>(null);
	const refresh = () => listRuns(flow).then(setRuns, (error) => (reportError(error), setRuns([])));
	useEffect(() => void refresh(), [flow]);
	const nameOf = (step: Run['steps'][number]) => operations.find((operation) => operation.id === step.operation)?.name || step.key;
	return (
		<aside class="flow-panel run-log" aria-labelledby="run-log-title">
			<div class="row">
				<h2 id="run-log-title">Logs</h2>
				<button type="button" onClick={refresh}>
					Refresh
				</button>
				<button type="button" onClick={onClose}>
					Close
				</button>
			</div>
			{!runs ? (
				<p class="muted">Loading…</p>
			) : runs.length === 0 ? (
				<p class="muted">No run has been logged yet.</p>
			) : (
				<ol class="runs" aria-label="Runs">
					{runs.map((run) => (
						<li key={run.id}>
							<details>
								<summary>
									<span class={`run-status run-${run.status}`}>{run.status === 'resolve' ? 'Succeeded' : 'Failed'}</span>{' '}
									{new Date(run.timestamp).toLocaleString()}
								</summary>
								<details>
									<summary>Trigger data</summary>
									<pre>{json(run.trigger)}</pre>
								</details>
								<ol class="steps" aria-label="Steps">
									{run.steps.map((step, index) => (
										<li key={index} class={`step step-${step.status}`}>
											<strong>{nameOf(step)}</strong> <span class="muted">({step.key})</span> — {step.status === 'resolve' ? 'resolved' : 'rejected'}
											<details>
												<summary>Options and data</summary>
												<pre>{json({ options: step.options, data: step.data })}</pre>
											</details>
										</li>
									))}
								</ol>
							</details>
						</li>
					))}
				</ol>
			)}
		</aside>
	);
}
