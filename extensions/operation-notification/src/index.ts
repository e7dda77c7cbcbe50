import { createError, defineOperation, flowOptionFields, type FlowPermissions } from '@mantle/extensions-sdk';

interface NotificationOptions {
	recipient?: unknown;
	subject?: unknown;
	message?: unknown;
	collection?: unknown;
	item?: unknown;
	permissions?: FlowPermissions;
}

/** Leaves a notification in each recipient's inbox (`directus_notifications`); answers their keys. */
export default defineOperation<NotificationOptions, unknown, 'items' | 'flows'>({
	id: 'notification',
	name: 'Send Notification',
	options: [
		{ field: 'recipient', name: 'Recipient (user id)', type: 'string', meta: { interface: 'input' } },
		{ field: 'subject', name: 'Subject', type: 'string', meta: { interface: 'input' } },
		{ field: 'message', name: 'Message', type: 'text', meta: { interface: 'textarea' } },
		flowOptionFields.permissions,
	],
	async handler(options, { items, flows, accountability }) {
		const recipients = (Array.isArray(options.recipient) ? options.recipient : typeof options.recipient === 'string' ? options.recipient.split(',') : [])
			.map((entry) => String(entry).trim())
			.filter(Boolean);
		if (recipients.length === 0) throw createError('notificationNeedsRecipient');
		if (typeof options.subject !== 'string' || options.subject === '')
			throw createError('operationNeedsOption', { operation: 'notification', option: 'subject' });
		const actor = await flows.accountabilityFor(options.permissions, accountability);
		const service = items('directus_notifications', { accountability: actor });
		return service.createMany(
			recipients.map((recipient) => ({
				recipient,
				sender: actor?.user ?? null,
				subject: options.subject,
				message: typeof options.message === 'string' ? options.message : null,
				collection: typeof options.collection === 'string' ? options.collection : null,
				item: options.item === undefined || options.item === null ? null : String(options.item),
			})),
		);
	},
});
