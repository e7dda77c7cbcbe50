import type { Accountability, Item } from '@mantle/extensions-sdk';
import { createError } from '../../errors/index.js';
import { noteUserBound } from '../../cache/read-scope.js';

export type ReadRelated = (collection: string, key: string, fields: string[]) => Promise<Item | null>;

const units: Record<string, number> = {
	second: 1000,
	minute: 60_000,
	hour: 3_600_000,
	day: 86_400_000,
	week: 604_800_000,
};

/**
 * Resolves `$NOW`, `$NOW(-1 year)`, `$CURRENT_USER(.path)`, `$CURRENT_ROLE(.path)`,
 * `$CURRENT_ROLES` and `$CURRENT_POLICIES` in filter values, once per call: the user's and
 * role's own items are read at most once each, whatever paths the filter names.
 */
export class DynamicVariables {
	private readonly now = new Date();
	private readonly items = new Map<string, Promise<Item | null>>();
	/** A value of the moment was resolved (`$NOW`, a path through the user's or role's items): what used it can't be reused later. */
	momentary = false;
	/** `$CURRENT_USER` was resolved: what used it holds for this user only. */
	userBound = false;

	constructor(
		private readonly accountability: Accountability | null,
		private readonly readRelated: ReadRelated,
	) {}

	async resolve(value: unknown): Promise<unknown> {
		// `_in: "$CURRENT_ROLES"` arrives as a list of one variable that is itself a list.
		if (Array.isArray(value))
			return (await Promise.all(value.map((entry) => this.resolve(entry)))).flatMap((entry) =>
				Array.isArray(entry) && typeof value[0] === 'string' ? entry : [entry],
			);
		if (typeof value !== 'string' || !value.startsWith('$')) return value;
		if (value === '$NOW' || value.startsWith('$NOW(')) {
			this.momentary = true;
			return this.nowAdjusted(value).toISOString();
		}
		if (value === '$CURRENT_ROLES') return this.accountability?.roles ?? [];
		if (value === '$CURRENT_POLICIES') return this.accountability?.policies ?? [];
		if (value.startsWith('$CURRENT_USER')) {
			noteUserBound();
			this.userBound = true;
		}
		for (const [prefix, collection, key] of [
			['$CURRENT_USER', 'directus_users', this.accountability?.user ?? null],
			['$CURRENT_ROLE', 'directus_roles', this.accountability?.role ?? null],
		] as const) {
			if (value === prefix) return key;
			if (value.startsWith(`${prefix}.`)) {
				this.momentary = true;
				return key === null ? null : this.path(collection, key, value.slice(prefix.length + 1));
			}
		}
		return value;
	}

	private nowAdjusted(value: string): Date {
		const match = /^\$NOW(?:\(\s*([+-]?)\s*(\d+)\s*(second|minute|hour|day|week|month|year)s?\s*\))?$/.exec(value);
		if (!match) throw createError('nowAdjustmentInvalid', { value });
		if (!match[2]) return this.now;
		const amount = Number(match[2]) * (match[1] === '-' ? -1 : 1);
		const unit = match[3]!;
		const date = new Date(this.now);
		if (unit === 'month') date.setUTCMonth(date.getUTCMonth() + amount);
		else if (unit === 'year') date.setUTCFullYear(date.getUTCFullYear() + amount);
		else date.setTime(date.getTime() + amount * units[unit]!);
		// Past year 9999 (or before year 0) no vendor stores the date, and Date itself gives up.
		if (!(Math.abs(date.getUTCFullYear() - 5000) <= 5000)) throw createError('nowOutOfRange', { value });
		return date;
	}

	private async path(collection: string, key: string, path: string): Promise<unknown> {
		const cacheKey = `${collection}:${path}`;
		let item = this.items.get(cacheKey);
		if (!item) this.items.set(cacheKey, (item = this.readRelated(collection, key, [path])));
		let current: unknown = await item;
		for (const segment of path.split('.')) {
			if (Array.isArray(current)) current = current.map((entry) => (entry as Item)?.[segment]);
			else current = current === null || current === undefined ? null : (current as Item)[segment];
		}
		return current ?? null;
	}
}
