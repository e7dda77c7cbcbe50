/** Runs `task` once the browser is idle (after the page's first draw), or after `timeout` ms at the latest. */
export function whenIdle(task: () => void, timeout = 1500): void {
	if ('requestIdleCallback' in window) requestIdleCallback(task, { timeout });
	else setTimeout(task, Math.min(timeout, 500));
}
