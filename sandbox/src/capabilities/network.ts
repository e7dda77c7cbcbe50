import net from 'node:net';

// Everything that is not public unicast. IPv6 forms that carry an IPv4 address are refused whole
// where nothing public is reached through them: IPv4-compatible `::/96` (`::127.0.0.1`, `::7f00:1`,
// deprecated since 2006) and IPv4-translated `::ffff:0:0:0/96`; IPv4-mapped `::ffff:0:0/96` is
// judged by the IPv4 address it carries (below), in whatever notation it was written.
const refused = new net.BlockList();
for (const [prefix, bits] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4],
] as const)
	refused.addSubnet(prefix, bits, 'ipv4');
for (const [prefix, bits] of [
	['::', 96],
	['::ffff:0:0:0', 96],
	['64:ff9b::', 96],
	['100::', 64],
	['2001:db8::', 32],
	['2002::', 16],
	['fc00::', 7],
	['fe80::', 10],
	['fec0::', 10],
	['ff00::', 8],
] as const)
	refused.addSubnet(prefix, bits, 'ipv6');

/** Loopback, private, link-local, unspecified, reserved and multicast addresses; anything unparsable too. */
export function isPrivateAddress(address: string): boolean {
	const family = net.isIP(address);
	if (family === 0) return true;
	if (family === 4) return refused.check(address, 'ipv4');
	const mapped = mappedIpv4(address);
	return mapped === undefined ? refused.check(address, 'ipv6') : isPrivateAddress(mapped);
}

/**
 * The IPv4 address an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, `::ffff:7f00:1`,
 * `0:0:0:0:0:ffff:7f00:1`) carries. The WHATWG URL parser writes every notation of an IPv6 address
 * in one canonical form, in which a mapped address reads `::ffff:hhhh:hhhh`.
 */
function mappedIpv4(address: string): string | undefined {
	let canonical: string;
	try {
		canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
	} catch {
		return undefined;
	}
	const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
	if (!match) return undefined;
	const [high, low] = [parseInt(match[1]!, 16), parseInt(match[2]!, 16)];
	return [high >> 8, high & 255, low >> 8, low & 255].join('.');
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
