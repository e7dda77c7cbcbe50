import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import net from 'node:net';
import { createError } from '../errors/index.js';

/*
 * The same ranges the sandbox's `request` capability refuses (sandbox/src/capabilities/network.ts).
 * That module is internal to the sandbox package, which core loads lazily for isolates; importing
 * it here would tie file imports to the sandbox build, so the short list is kept twice.
 */
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

function refusal(host: string, address: string) {
	return createError('FORBIDDEN', `Importing from ${host} is not allowed: it resolves to ${address}, a private or local address (FILES_IMPORT_ALLOW_PRIVATE_NETWORK).`);
}

/** Refuses, before connecting, a URL whose host is a private literal or names this machine. */
export function checkHost(hostname: string): void {
	const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
	const name = bare.toLowerCase().replace(/\.$/, '');
	if (name === 'localhost' || name.endsWith('.localhost')) throw refusal(hostname, 'this machine');
	if (net.isIP(bare) && isPrivateAddress(bare)) throw refusal(hostname, bare);
}

/**
 * A DNS lookup for the connection itself that fails when any address of the name is private, so
 * that the address checked is the address connected to (no second lookup to rebind).
 */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
	dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
		if (error) return callback(error, '', 0);
		const bad = addresses.find((entry) => isPrivateAddress(entry.address));
		if (bad || addresses.length === 0) return callback(refusal(hostname, bad?.address ?? 'no address'), '', 0);
		if (options.all) return callback(null, addresses);
		callback(null, addresses[0]!.address, addresses[0]!.family);
	});
};
