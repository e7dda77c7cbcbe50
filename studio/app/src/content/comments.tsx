import { useEffect, useState } from 'preact/hooks';
import { api, messageOf } from '../lib/api.js';
import { reportError } from '../lib/toasts.js';

interface Comment {
	id: string | number;
	comment: string;
	date_created?: string;
	user_created?: { email?: string | null; first_name?: string | null } | string | null;
}

/** Comments on the item, through `/comments` (Directus 11's `directus_comments`). */
export function Comments({ collection, id }: { collection: string; id: string }) {
	const [list, setList] = useState<Comment[] | null>(null);
	const [unavailable, setUnavailable] = useState<string | null>(null);
	const [text, setText] = useState('');

	async function load() {
		try {
			setList(
				await api.get<Comment[]>('/comments', {
					filter: { collection: { _eq: collection }, item: { _eq: id } },
					sort: ['-date_created'],
					fields: ['id', 'comment', 'date_created', 'user_created.email', 'user_created.first_name'],
				}),
			);
		} catch (error) {
			setUnavailable(messageOf(error));
			setList([]);
		}
	}
	useEffect(() => {
		void load();
	}, [collection, id]);

	async function post(event: Event) {
		event.preventDefault();
		if (!text.trim()) return;
		try {
			await api.post('/comments', { collection, item: id, comment: text.trim() });
			setText('');
			await load();
		} catch (error) {
			reportError(error);
		}
	}

	return (
		<aside class="sidebar" aria-label="Comments">
			<h2>Comments</h2>
			{unavailable && <p class="muted">Comments can't be read: {unavailable}</p>}
			<form onSubmit={post}>
				<label>
					Leave a comment
					<textarea rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} />
				</label>
				<button type="submit">Comment</button>
			</form>
			<ul class="comments">
				{list?.map((comment) => (
					<li key={comment.id}>
						<strong>{typeof comment.user_created === 'object' ? (comment.user_created?.first_name ?? comment.user_created?.email) : 'Someone'}</strong>
						{comment.date_created && <time dateTime={comment.date_created}> · {new Date(comment.date_created).toLocaleString()}</time>}
						<p>{comment.comment}</p>
					</li>
				))}
			</ul>
		</aside>
	);
}
