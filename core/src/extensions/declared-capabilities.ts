import { ManifestError, type CapabilityName, type ExtensionContext } from '@mantle/extensions-sdk';

/**
 * What a first-party extension receives of the kernel's capabilities: exactly those its manifest
 * declares, as hapi hands a plugin its `dependencies`. One it declares but the kernel does not
 * offer refuses the load, naming it; an extension of another origin receives none, so declaring
 * any refuses it too. A manifest without the list receives none: nothing reaches an extension
 * that it did not ask for in writing.
 */
export function grantedCapabilities(
	name: string,
	firstParty: boolean,
	declared: readonly string[] | undefined,
	offered: Partial<Pick<ExtensionContext, CapabilityName>>,
): Partial<Pick<ExtensionContext, CapabilityName>> {
	if (!firstParty) {
		if (declared?.length)
			throw new ManifestError(`${name} declares the kernel capabilities ${declared.join(', ')}, which only Mantle's own extensions receive.`);
		return {};
	}
	if (!declared) return {};
	const available = Object.keys(offered).filter((key) => offered[key as CapabilityName] !== undefined);
	const missing = declared.filter((capability) => !available.includes(capability));
	if (missing.length > 0) {
		const names = missing.map((capability) => `"${capability}"`).join(', ');
		throw new ManifestError(
			`${name} needs the ${names} ${missing.length === 1 ? 'capability' : 'capabilities'}, which this kernel does not offer (it offers ${available.sort().join(', ')}).`,
		);
	}
	return Object.fromEntries(declared.map((capability) => [capability, offered[capability as CapabilityName]]));
}
