import { createError, type ItemsCapability, type Router, type SharesCapability } from '@mantle/extensions-sdk';

/**
 * `POST /shares/auth` signs a visitor in to a share; `GET /shares/info/:id` tells a visitor what
 * the link is before signing in (whether it needs a password, its dates and uses), as anyone
 * holding the link may know.
 */
export function registerShareAuthRoutes(router: Router, items: ItemsCapability, shares: SharesCapability): void {
	router.post('/auth', async ({ body, accountability }) => {
		const { share, password } = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
		const tokens = await shares.login(share, password, { ip: accountability.ip, userAgent: accountability.userAgent });
		return { body: { data: { access_token: tokens.accessToken, expires: tokens.expires, refresh_token: null } } };
	});

	router.get('/info/:id', async ({ params }) => {
		const id = params.id!;
		if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) throw createError('FORBIDDEN');
		const service = items('directus_shares', { accountability: null });
		// A password reads as a mask when set and as null when not: only whether there is one is told.
		const [row] = await service.readByQuery({
			fields: ['id', 'collection', 'item', 'password', 'max_uses', 'times_used', 'date_start', 'date_end'],
			filter: { id: { _eq: id } },
			limit: 1,
		});
		if (!row) throw createError('FORBIDDEN');
		return { body: { data: { ...row, password: row.password !== null && row.password !== undefined } } };
	});
}
