import { useEffect, useState } from 'preact/hooks';
import { navigate } from '../lib/router.js';
import { notify, reportError } from '../lib/toasts.js';
import { createOperation, deleteFlow, deleteOperation, listOperations, readFlow, updateFlow, updateOperation, type Flow, type Operation } from './api.js';
import { Canvas, cardHeight, cardWidth, triggerAt, type Slot } from './canvas.js';
import { OperationEditor, type OperationDraft } from './operation-editor.js';
import { loadOperationTypes, type OperationType } from './operation-types.js';
import { RunLog } from './run-log.js';
import { TriggerEditor } from './trigger-editor.js';
import { triggerType } from './triggers.js';

type Panel = { kind: 'trigger' } | { kind: 'logs' } | { kind: 'edit'; operation: Operation } | { kind: 'add'; slot: Slot } | null;

/** Where a new operation goes: right of the card it follows, a row lower for a failure path. */
function placeAfter(slot: Slot, operations: Operation[]): { x: number; y: number } {
	const from = slot.from === 'trigger' ? triggerAt : { x: slot.from.position_x, y: slot.from.position_y };
	const x = from.x + cardWidth + 3;
	let y = from.y + (slot.from !== 'trigger' && slot.on === 'reject' ? cardHeight + 2 : 0);
	// Step down past cards already there, so a new card never hides one.
	while (operations.some((operation) => Math.abs(operation.position_x - x) < cardWidth && Math.abs(operation.position_y - y) < cardHeight)) y += cardHeight + 2;
	return { x, y };
}

function describeTrigger(flow: Flow): string {
	const options = flow.options ?? {};
	switch (flow.trigger) {
		case 'manual':
			return `On ${Array.isArray(options.collections) && options.collections.length ? (options.collections as string[]).join(', ') : 'no collection yet'}`;
		case 'event':
			return `${String(options.type ?? 'action')} on ${Array.isArray(options.scope) ? (options.scope as string[]).join(', ') : 'no event yet'}`;
		case 'webhook':
			return `${String(options.method ?? 'GET')} /flows/trigger/${flow.id}`;
		case 'schedule':
			return String(options.cron ?? 'no interval yet');
		default:
			return 'When another flow runs it';
	}
}

/** `/settings/flows/:id`: the flow's canvas, with the trigger, operation and log panels beside it. */
export function Designer({ id }: { id: string }) {
	const [flow, setFlow] = useState<Flow | null>(null);
	const [operations, setOperations] = useState<Operation[]>([]);
	const [panel, setPanel] = useState<Panel>(null);
	const [types, setTypes] = useState<OperationType[]>([]);

	const reload = async () => {
		const [found, steps] = await Promise.all([readFlow(id), listOperations(id)]);
		setFlow(found);
		setOperations(steps);
	};
	useEffect(() => {
		reload().catch(reportError);
		loadOperationTypes().then(setTypes, reportError);
	}, [id]);
	if (!flow) return <p class="muted">Loading…</p>;

	async function addOperation(slot: Slot, draft: OperationDraft) {
		const { x, y } = placeAfter(slot, operations);
		const created = await createOperation({
			flow: id,
			name: draft.name,
			key: draft.key,
			type: draft.type,
			options: draft.options,
			position_x: x,
			position_y: y,
		});
		if (slot.from === 'trigger') await updateFlow(id, { operation: created.id });
		else await updateOperation(slot.from.id, { [slot.on]: created.id });
		await reload();
		setPanel(null);
	}

	async function saveOperation(operation: Operation, draft: OperationDraft) {
		await updateOperation(operation.id, draft);
		await reload();
		setPanel(null);
	}

	async function move(operation: Operation, x: number, y: number) {
		setOperations(operations.map((entry) => (entry.id === operation.id ? { ...entry, position_x: x, position_y: y } : entry)));
		try {
			await updateOperation(operation.id, { position_x: x, position_y: y });
		} catch (error) {
			reportError(error);
			await reload();
		}
	}

	const others = (operation?: Operation) => operations.filter((entry) => entry.id !== operation?.id);
	return (
		<section class="flow-designer" aria-labelledby="flow-title">
			<header class="page-header">
				<h1 id="flow-title">{flow.name}</h1>
				<label class="check">
					<input
						type="checkbox"
						checked={flow.status === 'active'}
						onChange={async (e) => {
							try {
								setFlow(await updateFlow(id, { status: e.currentTarget.checked ? 'active' : 'inactive' }));
							} catch (error) {
								reportError(error);
							}
						}}
					/>
					Active
				</label>
				<div class="actions">
					<button type="button" aria-expanded={panel?.kind === 'logs'} onClick={() => setPanel(panel?.kind === 'logs' ? null : { kind: 'logs' })}>
						Logs
					</button>
					<button
						type="button"
						class="danger"
						onClick={async () => {
							if (!confirm(`Delete the flow ${flow.name} and its operations?`)) return;
							try {
								await deleteFlow(id);
								navigate('/settings/flows');
							} catch (error) {
								reportError(error);
							}
						}}
					>
						Delete flow
					</button>
				</div>
			</header>
			<div class="flow-workspace">
				<Canvas
					triggerLabel={triggerType(flow.trigger)?.name ?? 'None'}
					triggerDetail={describeTrigger(flow)}
					first={flow.operation}
					operations={operations}
					typeNames={new Map(types.map((type) => [type.id, type.name]))}
					onEditTrigger={() => setPanel({ kind: 'trigger' })}
					onEdit={(operation) => setPanel({ kind: 'edit', operation })}
					onAdd={(slot) => setPanel({ kind: 'add', slot })}
					onMove={move}
				/>
				{panel?.kind === 'trigger' && (
					<TriggerEditor
						flow={flow}
						onClose={() => setPanel(null)}
						onSave={async (changes) => {
							setFlow(await updateFlow(id, changes));
							setPanel(null);
							notify('Trigger saved.', 'success');
						}}
					/>
				)}
				{panel?.kind === 'add' && types.length > 0 && (
					<OperationEditor key="new" others={others()} types={types} onClose={() => setPanel(null)} onSave={(draft) => addOperation(panel.slot, draft)} />
				)}
				{panel?.kind === 'edit' && types.length > 0 && (
					<OperationEditor
						key={panel.operation.id}
						operation={panel.operation}
						types={types}
						others={others(panel.operation)}
						onClose={() => setPanel(null)}
						onSave={(draft) => saveOperation(panel.operation, draft)}
						onDelete={async () => {
							try {
								await deleteOperation(panel.operation.id);
								await reload();
								setPanel(null);
							} catch (error) {
								reportError(error);
							}
						}}
					/>
				)}
				{panel?.kind === 'logs' && <RunLog flow={id} operations={operations} onClose={() => setPanel(null)} />}
			</div>
		</section>
	);
}
