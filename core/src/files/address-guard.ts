import dns from 'node:dns';
import type { LookupFunction } from 'node:net';
import { isLocalName, isPrivateAddress, literalAddress } from '@mantle/sandbox/network';
import { createError } from '../errors/index.js';

function refusal(host: string, address: string) {
	return createError('urlPrivateRefused', { host, address });
}

/** Refuses, before connecting, a URL whose host is a private literal or names this machine (the ranges the sandbox's `request` refuses). */
export function checkHost(hostname: string): void {
	if (isLocalName(hostname)) throw refusal(hostname, 'this machine');
	const literal = literalAddress(hostname);
	if (literal !== undefined && isPrivateAddress(literal)) throw refusal(hostname, literal);
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
