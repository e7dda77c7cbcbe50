import { createInterface } from 'node:readline';

/**
 * Asks questions on the terminal, one line per answer. One reader serves every question of a
 * command: answers piped in arrive all at once, and a reader per question would lose the rest.
 */
export function createPrompter() {
	const rl = createInterface({ input: process.stdin, terminal: false });
	const lines = rl[Symbol.asyncIterator]();
	return {
		/** The default answers when the user just presses Enter (or input has ended). */
		async ask(question: string, fallback = ''): Promise<string> {
			process.stdout.write(fallback ? `${question} (${fallback}): ` : `${question}: `);
			const next = await lines.next();
			const answer = next.done ? '' : String(next.value).trim();
			return answer || fallback;
		},
		close: () => rl.close(),
	};
}

export async function confirm(question: string): Promise<boolean> {
	const prompter = createPrompter();
	try {
		return /^y(es)?$/i.test(await prompter.ask(`${question} [y/N]`));
	} finally {
		prompter.close();
	}
}
