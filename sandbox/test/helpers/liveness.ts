import type { ExecutionContext } from 'ava';
import { loopbackServer } from './sandbox.js';

export interface Liveness {
	/** Runs `attack` while checking that this process keeps its timers and its sockets serving. */
	during<T>(attack: () => Promise<T>): Promise<{ result: T; ticks: number; answered: number }>;
}

/**
 * The test process stands in for the API process: an attack is contained only if, while it runs,
 * an interval here keeps firing and a local HTTP server here keeps answering.
 */
export async function liveness(t: ExecutionContext): Promise<Liveness> {
	const server = await loopbackServer(t, (_req, res) => res.end('pong'));
	return {
		async during(attack) {
			let ticks = 0;
			let answered = 0;
			let running = true;
			const interval = setInterval(() => (ticks += 1), 20);
			const pinger = (async () => {
				while (running) {
					const response = await fetch(`http://127.0.0.1:${server.port}/`);
					if ((await response.text()) === 'pong') answered += 1;
					await new Promise((resolve) => setTimeout(resolve, 20));
				}
			})();
			try {
				const result = await attack();
				// A ping sent during the attack and answered counts, however slowly this machine runs it.
				running = false;
				await pinger;
				return { result, ticks, answered };
			} finally {
				running = false;
				clearInterval(interval);
				await pinger;
			}
		},
	};
}
