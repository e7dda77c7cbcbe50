import { createHash, randomBytes, scrypt as scryptCallback, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { Knex } from 'knex';
import { badRequest, unauthorized } from './errors.js';

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, length: number) => Promise<Buffer>;

export interface Publisher {
	id: number;
	name: string;
	verified: boolean;
}

/** The publisher Mantle's own packages are published as; only it may publish packages that are not extensions. */
export const systemPublisher = 'mantle';

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');
const validName = /^[a-z0-9][a-z0-9._-]{0,213}$/i;

/** Publishers, their publish tokens (kept as sha256 hashes) and `npm adduser` passwords (scrypt). */
export class Publishers {
	constructor(private readonly knex: Knex) {}

	async ensure(name: string, verified?: boolean): Promise<Publisher> {
		if (!validName.test(name)) throw badRequest(`"${name}" is not a publisher name: use letters, digits, dots, dashes and underscores.`);
		const existing = await this.byName(name);
		if (existing) {
			if (verified !== undefined && existing.verified !== verified) await this.knex('registry_publishers').where({ id: existing.id }).update({ verified });
			return { ...existing, verified: verified ?? existing.verified };
		}
		await this.knex('registry_publishers').insert({ name, verified: verified ?? false });
		return (await this.byName(name))!;
	}

	async byName(name: string): Promise<Publisher | undefined> {
		const row = await this.knex('registry_publishers').where({ name }).first('id', 'name', 'verified');
		return row ? { id: Number(row.id), name: row.name, verified: Boolean(row.verified) } : undefined;
	}

	async byId(id: number): Promise<Publisher | undefined> {
		const row = await this.knex('registry_publishers').where({ id }).first('id', 'name', 'verified');
		return row ? { id: Number(row.id), name: row.name, verified: Boolean(row.verified) } : undefined;
	}

	/** A new publish token; only its hash is kept, so it is shown once. */
	async issueToken(publisher: Publisher): Promise<string> {
		const token = `mreg_${randomBytes(24).toString('base64url')}`;
		await this.knex('registry_tokens').insert({ token_hash: tokenHash(token), publisher_id: publisher.id });
		return token;
	}

	async authenticate(token: string | undefined): Promise<Publisher | undefined> {
		if (!token) return undefined;
		const row = await this.knex('registry_tokens')
			.where({ token_hash: tokenHash(token) })
			.first('publisher_id');
		return row ? this.byId(Number(row.publisher_id)) : undefined;
	}

	/** `npm adduser`/`npm login --auth-type=legacy`: creates the account, or checks its password, and issues a token. */
	async login(name: string, password: string): Promise<string> {
		if (typeof password !== 'string' || password.length < 8) throw badRequest('The password must be at least 8 characters long.');
		const publisher = await this.ensure(name);
		const row = await this.knex('registry_publishers').where({ id: publisher.id }).first('password_hash');
		if (!row.password_hash) {
			const salt = randomBytes(16);
			const hash = await scrypt(password, salt, 32);
			await this.knex('registry_publishers')
				.where({ id: publisher.id })
				.update({ password_hash: `scrypt$${salt.toString('base64')}$${hash.toString('base64')}` });
		} else {
			const [, salt, stored] = String(row.password_hash).split('$');
			const hash = await scrypt(password, Buffer.from(salt!, 'base64'), 32);
			if (!timingSafeEqual(hash, Buffer.from(stored!, 'base64'))) throw unauthorized('Wrong user name or password.');
		}
		return this.issueToken(publisher);
	}
}
