import { createInterface } from 'node:readline/promises';

/** Asks one question on the terminal; the default answers when the user just presses Enter. */
export async function ask(question: string, fallback = ''): Promise<string> {
	const rl = createInterface({ input: process.stdin, output: process.stdout });
	try {
		const answer = (await rl.question(fallback ? `${question} (${fallback}): ` : `${question}: `)).trim();
		return answer || fallback;
	} finally {
		rl.close();
	}
}

export async function confirm(question: string): Promise<boolean> {
	return /^y(es)?$/i.test(await ask(`${question} [y/N]`));
}
