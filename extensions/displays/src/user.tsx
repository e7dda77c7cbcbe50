import { defineDisplay } from '@mantle/extensions-sdk';

interface User {
	id?: string;
	first_name?: string | null;
	last_name?: string | null;
	email?: string | null;
	avatar?: string | { id?: string } | null;
}

function name(value: unknown): string {
	if (!value) return '';
	if (typeof value !== 'object') return String(value);
	const user = value as User;
	return [user.first_name, user.last_name].filter(Boolean).join(' ') || user.email || user.id || '';
}

export default defineDisplay<unknown>({
	id: 'user',
	name: 'User',
	icon: 'person',
	types: ['uuid'],
	component: ({ value }) => {
		if (!value) return null;
		const avatar = typeof value === 'object' ? (value as User).avatar : null;
		const avatarId = typeof avatar === 'string' ? avatar : avatar?.id;
		return (
			<span class="display-user">
				{avatarId && (
					<img
						src={`/assets/${encodeURIComponent(avatarId)}?width=48&height=48&fit=cover`}
						alt=""
						width={20}
						height={20}
						style={{ borderRadius: '50%', verticalAlign: 'middle', marginRight: '6px' }}
					/>
				)}
				{name(value)}
			</span>
		);
	},
	handler: (value) => name(value),
});
