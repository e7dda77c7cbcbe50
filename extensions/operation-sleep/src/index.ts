import { createError, defineOperation } from '@mantle/extensions-sdk';

/** Longest wait one step may ask for: a run holds a queue slot while it sleeps. */
const maxMilliseconds = 15 * 60 * 1000;

/** Waits, then passes on. */
export default defineOperation<{ milliseconds?: unknown }>({
	id: 'sleep',
	name: 'Sleep',
	options: [{ field: 'milliseconds', name: 'Milliseconds', type: 'integer', meta: { interface: 'numeric' }, schema: { default_value: 1000 } }],
	async handler({ milliseconds }, { sleep }) {
		const wait = Number(milliseconds ?? 0);
		if (!Number.isFinite(wait) || wait < 0 || wait > maxMilliseconds) throw createError('sleepOutOfRange', { max: maxMilliseconds });
		await (sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(wait);
		return null;
	},
});
