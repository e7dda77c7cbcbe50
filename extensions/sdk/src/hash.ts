/** One-way hashes (argon2id), as the kernel stores passwords. Offered to trusted extensions. */
export interface HashCapability {
	/** Refuses (INVALID_PAYLOAD) an empty or overly long value. */
	generate(value: string): Promise<string>;
	/** Whether `value` hashes to `hash`; a malformed hash is simply `false`. */
	verify(value: string, hash: string): Promise<boolean>;
}
