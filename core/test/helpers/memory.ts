import type { ExecutionContext } from 'ava';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';

v8.setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;
const MB = 1024 * 1024;

/**
 * Runs `work` while sampling the process's resident memory every 20 ms, and asserts that it rose
 * by less than `limit` bytes above a baseline taken just before. Garbage is collected every other
 * sample, so the peak measures what the code under test holds rather than how lazy the collector
 * is. Answers what `work` answered.
 */
export async function assertRssGrowthUnder<T>(t: ExecutionContext, limit: number, work: () => Promise<T>): Promise<T> {
	collectGarbage();
	const baseline = process.memoryUsage().rss;
	let peak = baseline;
	let samples = 0;
	const sampler = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
		if (++samples % 2 === 0) collectGarbage();
	}, 20);
	let result: T;
	try {
		result = await work();
	} finally {
		clearInterval(sampler);
	}
	peak = Math.max(peak, process.memoryUsage().rss);
	const grew = `RSS grew by ${Math.round((peak - baseline) / MB)} MB`;
	t.log(grew);
	t.true(peak - baseline < limit, grew);
	return result;
}
