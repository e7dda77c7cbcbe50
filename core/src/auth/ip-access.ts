import net from 'node:net';

/**
 * The addresses a set of policies admits: each policy's `ip_access` is a comma list of addresses
 * and CIDR ranges; a caller must fit every policy that has one. `undefined` admits everyone.
 */
export type IpAllowList = Array<net.BlockList>;

export function parseIpAccess(values: Array<string | null | undefined>): IpAllowList {
	const lists: IpAllowList = [];
	for (const value of values) {
		const entries = (value ?? '')
			.split(',')
			.map((entry) => entry.trim())
			.filter(Boolean);
		if (entries.length === 0) continue;
		const list = new net.BlockList();
		for (const entry of entries) addEntry(list, entry);
		lists.push(list);
	}
	return lists;
}

function addEntry(list: net.BlockList, entry: string): void {
	const [address, prefix] = entry.split('/');
	const type = net.isIPv6(address!) ? 'ipv6' : 'ipv4';
	if (!net.isIP(address!)) return; // an unparseable entry admits no one rather than everyone
	if (prefix === undefined) list.addAddress(address!, type);
	else list.addSubnet(address!, Number(prefix), type);
}

export function ipAllowed(lists: IpAllowList, ip: string | null): boolean {
	if (lists.length === 0) return true;
	if (!ip) return false;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
	const address = mapped ?? ip;
	const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
	return lists.every((list) => list.check(address, type));
}
