import net from 'node:net';

// Everything that is not public unicast. BlockList also matches IPv4-mapped IPv6 (`::ffff:7f00:1`)
// against the IPv4 rules.
const refused = new net.BlockList();
for (const [prefix, bits] of [
	['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
	['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
	['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) refused.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
	['::', 128], ['::1', 128], ['64:ff9b::', 96], ['100::', 64], ['2001:db8::', 32], ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) refused.addSubnet(prefix, bits, 'ipv6');

/** Loopback, private, link-local, unspecified, reserved and multicast addresses; anything unparsable too. */
export function isPrivateAddress(address: string): boolean {
	const family = net.isIP(address);
	if (family === 0) return true;
	return refused.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Names that mean this machine whatever DNS says. */
export function isLocalName(hostname: string): boolean {
	const name = hostname.toLowerCase().replace(/\.$/, '');
	return name === 'localhost' || name.endsWith('.localhost');
}

/** The URL's host as an address when it is a literal (`[::1]` → `::1`), otherwise `undefined`. */
export function literalAddress(hostname: string): string | undefined {
	const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
	return net.isIP(bare) ? bare : undefined;
}
