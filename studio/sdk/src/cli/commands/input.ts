import { UsageError } from '../context.js';

/** Standard input, when something is piped in; a usage error naming the option otherwise. */
export async function readInput(option: string): Promise<string> {
	if (process.stdin.isTTY) throw new UsageError(`Give ${option} or pipe the JSON in.`);
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
	const text = Buffer.concat(chunks).toString('utf8').trim();
	if (!text) throw new UsageError(`Give ${option} or pipe the JSON in.`);
	return text;
}
