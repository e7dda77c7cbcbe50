import type { Accountability, Item } from '@mantle/extensions-sdk';
import type { CollectionPermission, PermissionAction } from '../../permissions/types.js';
import type { ReadNode } from '../ast/types.js';
import type { EngineContext } from '../context.js';
import type { PreparedRead } from '../read/prepare.js';
import type { DynamicVariables } from '../sql/dynamic-variables.js';
import type { RowShaper } from './shaper.js';
import type { StatementTemplate } from './statement.js';

/** One level of a planned read: its checked conditions, its statements and its shaper. */
export interface LevelPlan {
	prepared: PreparedRead;
	/** Compiled statements by the number of keys a run restricts the rows to (none at the root). */
	statements: Map<number, StatementTemplate>;
	/** Brings a row's values into the API's form, in place. */
	read: (row: Item) => Item;
	shape: RowShaper;
}

interface Dependency {
	collection: string;
	action: PermissionAction;
	permission: CollectionPermission | null;
}

/**
 * A read planned once and run again for the same query shape: its levels (filled as they are
 * first reached, so a level never read is never planned, as without a plan), and the
 * permissions it was built from, which must still be the current ones for it to be used.
 */
export class ReadPlan {
	readonly levels = new Map<ReadNode, LevelPlan>();
	private readonly dependencies: Dependency[] = [];
	/** A level could not be kept (see `admits`): the plan is incomplete and is not to be cached again. */
	stale = false;
	/** The planned root level; set once the plan has been built. */
	node!: ReadNode;
	/** Every collection resolved while planning (joined, filtered on, in a row rule): the data cache files answers under them. */
	readonly collections = new Set<string>();

	/** `perUser`: the plan is cached for one user only, so it may hold that user's `$CURRENT_USER`. */
	constructor(readonly perUser = false) {}

	/**
	 * Whether a level prepared with these variables may be kept for later runs: not when it holds
	 * a value of the moment (`$NOW`, a path through the user's items), nor the caller's user in a
	 * plan other users share. Checked before the level is stored, so a concurrent run of the plan
	 * never sees such a level.
	 */
	admits(variables: DynamicVariables): boolean {
		return !variables.momentary && (this.perUser || !variables.userBound);
	}

	/** The context to plan in: every permission it looks up is remembered as a dependency. */
	recording(context: EngineContext): EngineContext {
		const provider = context.permissions;
		const dependencies = this.dependencies;
		return {
			...context,
			permissions: {
				async get(accountability: Accountability | null, collection: string, action: PermissionAction) {
					const permission = await provider.get(accountability, collection, action);
					const known = dependencies.some((entry) => entry.collection === collection && entry.action === action && entry.permission === permission);
					if (!known) dependencies.push({ collection, action, permission });
					return permission;
				},
			},
		};
	}

	/** Whether the permissions it was planned with are still the provider's (they are replaced when access rules change). */
	async current(context: EngineContext): Promise<boolean> {
		for (const { collection, action, permission } of this.dependencies) {
			if ((await context.permissions.get(context.accountability, collection, action)) !== permission) return false;
		}
		return true;
	}
}
