/**
 * Polls until `condition` holds or `ms` pass, and answers whether it held: how tests wait for
 * something that happens later (an action hook, a schedule, a log line) instead of sleeping a
 * fixed time that is too short on a busy machine and too long on an idle one.
 */
export async function eventually(condition: () => boolean | Promise<boolean>, ms = 10_000): Promise<boolean> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		if (await condition()) return true;
		await new Promise((resolve) => setTimeout(resolve, 25));
	}
	return condition();
}
