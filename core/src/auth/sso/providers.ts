import type * as OpenId from 'openid-client';
import type { AuthProviderConfig } from '../../config/index.js';
import { createError } from '../../errors/index.js';

/**
 * The openid-client configuration of each provider, made on first use (OpenID providers by
 * discovery) and kept; a failed discovery is retried on the next login rather than cached.
 */
export class ProviderRegistry {
	private readonly configurations = new Map<string, Promise<OpenId.Configuration>>();

	constructor(readonly providers: AuthProviderConfig[]) {}

	find(name: string): AuthProviderConfig {
		const provider = this.providers.find((candidate) => candidate.name === name);
		if (!provider) throw createError('INVALID_PROVIDER');
		return provider;
	}

	configuration(provider: AuthProviderConfig): Promise<OpenId.Configuration> {
		let pending = this.configurations.get(provider.name);
		if (!pending) {
			pending = configure(provider);
			this.configurations.set(provider.name, pending);
			pending.catch(() => this.configurations.delete(provider.name));
		}
		return pending;
	}
}

async function configure(provider: AuthProviderConfig): Promise<OpenId.Configuration> {
	const client = await import('openid-client');
	const authentication = provider.clientSecret ? client.ClientSecretPost(provider.clientSecret) : client.None();
	try {
		if (provider.driver === 'openid') {
			return await client.discovery(new URL(provider.issuerUrl!), provider.clientId, provider.clientSecret, authentication, {
				...(provider.allowInsecureRequests ? { execute: [client.allowInsecureRequests] } : {}),
			});
		}
		const configuration = new client.Configuration(
			{
				issuer: new URL(provider.authorizeUrl!).origin,
				authorization_endpoint: provider.authorizeUrl,
				token_endpoint: provider.accessUrl,
				userinfo_endpoint: provider.profileUrl,
			},
			provider.clientId,
			provider.clientSecret,
			authentication,
		);
		if (provider.allowInsecureRequests) client.allowInsecureRequests(configuration);
		return configuration;
	} catch (error) {
		throw createError('ssoProviderUnconfigured', { provider: provider.name, reason: (error as Error).message });
	}
}
