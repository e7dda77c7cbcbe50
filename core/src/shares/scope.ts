import type { Accountability } from '@mantle/extensions-sdk';

/** What a share visitor may reach: one item, read only, as the share's role may read it. */
export interface ShareScope {
	id: string;
	collection: string;
	item: string;
	/** The collection's primary key field, which the item is matched on. */
	primary: string;
	/** The share's role has admin access (or the share has no role): every field of the item. */
	full: boolean;
}

/** A share visitor's accountability carries its scope; nothing else makes one. */
export type ShareAccountability = Accountability & { share: ShareScope };

export function shareOf(accountability: Accountability | null): ShareScope | undefined {
	return (accountability as Partial<ShareAccountability> | null)?.share;
}
