import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { keyIdOf } from '@mantle/extensions-sdk/package';

export interface SigningKey {
	keyid: string;
	/** The public key, SPKI DER in base64: what `/-/npm/v1/keys` and EXTENSIONS_REGISTRY_KEYS carry. */
	publicKey: string;
	created: Date;
	private?: KeyObject;
}

/**
 * The registry's ed25519 keys, one PEM file each under `<data>/keys/`, named by creation time.
 * The newest signs; older ones stay published so signatures made before a rotation still verify.
 */
export class KeyRing {
	private keys: SigningKey[] = [];

	constructor(private readonly folder: string) {}

	load(): void {
		mkdirSync(this.folder, { recursive: true, mode: 0o700 });
		const files = readdirSync(this.folder)
			.filter((file) => file.endsWith('.pem'))
			.sort();
		this.keys = files.map((file) => {
			const privateKey = createPrivateKey(readFileSync(path.join(this.folder, file)));
			const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
			return {
				keyid: keyIdOf(der.toString('base64')),
				publicKey: der.toString('base64'),
				created: new Date(Number(file.replace(/\D/g, '')) || 0),
				private: privateKey,
			};
		});
		if (this.keys.length === 0) this.rotate();
	}

	/** Makes a new signing key; the old ones keep verifying what they signed. */
	rotate(): SigningKey {
		const { privateKey } = generateKeyPairSync('ed25519');
		const created = new Date();
		const file = path.join(this.folder, `${created.getTime()}.pem`);
		if (existsSync(file)) throw new Error('A key was made this very millisecond; try again.');
		writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
		const der = createPublicKey(privateKey).export({ type: 'spki', format: 'der' });
		const key = { keyid: keyIdOf(der.toString('base64')), publicKey: der.toString('base64'), created, private: privateKey };
		this.keys.push(key);
		return key;
	}

	get current(): SigningKey {
		return this.keys[this.keys.length - 1]!;
	}

	list(): SigningKey[] {
		return this.keys.map(({ private: _private, ...key }) => key);
	}

	sign(payload: string): { keyid: string; sig: string } {
		const key = this.current;
		return { keyid: key.keyid, sig: sign(null, Buffer.from(payload), key.private!).toString('base64') };
	}
}
