import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api.js';
import { reportError } from '../lib/toasts.js';
import { Drawer } from './drawer.js';

interface Notification {
	id: number | string;
	subject: string;
	message?: string | null;
	timestamp?: string;
	status?: string;
}

export function Notifications({ onClose }: { onClose: () => void }) {
	const [list, setList] = useState<Notification[] | null>(null);
	useEffect(() => {
		api
			.get<Notification[]>('/notifications', { filter: { recipient: { _eq: '$CURRENT_USER' }, status: { _eq: 'inbox' } }, sort: ['-timestamp'], limit: 50 })
			.then(setList, () => setList([]));
	}, []);

	async function archive(id: Notification['id']) {
		try {
			await api.patch(`/notifications/${id}`, { status: 'archived' });
			setList((current) => current?.filter((item) => item.id !== id) ?? null);
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<Drawer title="Notifications" onClose={onClose}>
			{list === null && <p class="muted">Loading…</p>}
			{list?.length === 0 && <p class="muted">No new notifications.</p>}
			<ul class="notifications">
				{list?.map((item) => (
					<li key={item.id}>
						<strong>{item.subject}</strong>
						{item.message && <p>{item.message}</p>}
						<button type="button" onClick={() => archive(item.id)}>
							Archive
						</button>
					</li>
				))}
			</ul>
		</Drawer>
	);
}
