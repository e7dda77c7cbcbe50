import Joi from 'joi';

/** The one registry the kernel installs extensions from, and the keys it trusts to have signed them. */
export interface RegistryClientConfig {
	url?: string;
	token?: string;
	/** Public keys (base64 SPKI DER, as `mantle-registry keys` prints them). */
	keys: string[];
	/** Refuse an unsigned or wrongly signed package (default true). */
	requireSignature: boolean;
}

export const registryVariables = {
	EXTENSIONS_REGISTRY_TOKEN: Joi.string(),
	EXTENSIONS_REGISTRY_KEYS: Joi.string()
		.allow('')
		.pattern(/^\s*([A-Za-z0-9+/=]+(\s*,\s*[A-Za-z0-9+/=]+)*)?\s*$/)
		.default('')
		.messages({
			'string.pattern.base': '{{#label}} must be a comma-separated list of base64 public keys, as `mantle-registry keys` prints them',
		}),
	EXTENSIONS_REQUIRE_SIGNATURE: Joi.boolean().truthy('1', 'yes', 'on').falsy('0', 'no', 'off', '').default(true),
};

export function registryClientConfig(v: Record<string, unknown>): RegistryClientConfig {
	return {
		url: typeof v.EXTENSIONS_REGISTRY === 'string' ? v.EXTENSIONS_REGISTRY.replace(/\/+$/, '') : undefined,
		token: typeof v.EXTENSIONS_REGISTRY_TOKEN === 'string' ? v.EXTENSIONS_REGISTRY_TOKEN : undefined,
		keys: String(v.EXTENSIONS_REGISTRY_KEYS ?? '')
			.split(',')
			.map((key) => key.trim())
			.filter(Boolean),
		requireSignature: v.EXTENSIONS_REQUIRE_SIGNATURE !== false,
	};
}
