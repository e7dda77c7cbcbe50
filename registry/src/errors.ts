/**
 * An error the registry answers with: npm clients print `error` after the status line, so the
 * message is the whole explanation ("... refused: its manifest's type must be one of ...").
 */
export class RegistryError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
		this.name = 'RegistryError';
	}
}

export const badRequest = (message: string) => new RegistryError(400, message);
export const unauthorized = (message = 'Log in first: this needs a publish token (npm login, or `mantle-registry token create NAME`).') =>
	new RegistryError(401, message);
export const forbidden = (message: string) => new RegistryError(403, message);
export const notFound = (message = 'Not found.') => new RegistryError(404, message);
export const conflict = (message: string) => new RegistryError(409, message);
