import type { Accountability } from '@mantle/extensions-sdk';
import { PolicyPermissions } from '../permissions/provider.js';
import { fullPermission, type CollectionPermission, type PermissionAction } from '../permissions/types.js';
import { shareOf } from './scope.js';

/**
 * The policy permissions, narrowed for share visitors: they read the shared item, with the
 * fields its role may read, and nothing else — no other item, collection or action. Every other
 * caller is answered by the policies unchanged.
 */
export class ShareAwarePermissions extends PolicyPermissions {
	override async get(accountability: Accountability | null, collection: string, action: PermissionAction): Promise<CollectionPermission | null> {
		const share = shareOf(accountability);
		if (!share) return super.get(accountability, collection, action);
		if (action !== 'read' || collection !== share.collection) return null;
		const base = share.full ? fullPermission : await super.get({ ...accountability!, user: null, admin: false }, collection, 'read');
		if (!base) return null;
		const onlyItem = { [share.primary]: { _eq: share.item } };
		return { ...base, filter: base.filter ? { _and: [base.filter, onlyItem] } : onlyItem };
	}
}
