import type { ErrorCode } from '../error-codes.js';

/**
 * The realtime socket: messages a client sends, and subscriptions.
 */
export const realtimeMessages = {
	realtimeMessageNotText: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. Messages must be JSON text.' },
	realtimeMessageNotObject: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. A message must be a JSON object.' },
	realtimeTypeMissing: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. A message needs a "type".' },
	realtimeUidInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "uid" must be a string or a number.' },
	realtimeTypeUnknown: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "type" must be auth, subscribe, unsubscribe, items, ping or pong.' },
	realtimeAuthIncomplete: {
		code: 'INVALID_PAYLOAD',
		template: 'Invalid payload. An auth message needs "access_token", "refresh_token", or "email" and "password".',
	},
	realtimeCollectionRequired: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "collection" is required.' },
	realtimeEventUnknown: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "event" must be create, update or delete.' },
	realtimeSubscriptionsExceeded: { code: 'LIMIT_EXCEEDED', template: 'Limit exceeded. A socket may hold at most {max} subscriptions.' },
	realtimeSubscriptionAggregates: { code: 'INVALID_QUERY', template: 'Invalid query. A subscription cannot aggregate or group.' },
	realtimeActionUnknown: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "action" must be create, read, update or delete.' },
	realtimeIdInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "id" must be a primary key.' },
	realtimeIdsInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "ids" must be a list of primary keys.' },
	realtimeCreateDataInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "data" must be an item or a list of items.' },
	realtimeUpdateDataInvalid: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. "data" must be an item, or a list of items with their keys.' },
	realtimeUpdateNeedsTarget: {
		code: 'INVALID_PAYLOAD',
		template: 'Invalid payload. An update needs "id", "ids", "query", or a list of items with their keys.',
	},
	realtimeDeleteNeedsTarget: { code: 'INVALID_PAYLOAD', template: 'Invalid payload. A delete needs "id", "ids" or "query".' },
} as const satisfies Record<string, { code: ErrorCode; template: string }>;
