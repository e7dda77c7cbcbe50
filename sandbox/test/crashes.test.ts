import test from 'ava';
import type { SandboxError, SandboxSupervisor } from '../src/index.js';
import { liveness } from './helpers/liveness.js';
import { loadEndpoint, request, startSandbox, type RecordingBridge } from './helpers/sandbox.js';

// Long enough that the call is surely still running when the sandbox process is killed.
const limits = { timeoutMs: 60_000, maxCrashes: 2 };
const routes = `
	router.get('/ok', () => ({ body: 'alive' }));
	router.get('/slow', async () => { ctx.log.info('slow call started'); await ctx.sleep(50_000); return { body: 'late' }; });
`;

const started = (bridge: RecordingBridge) => bridge.logs.filter((line) => line.message === 'slow call started').length;

/** Starts a slow call, kills the sandbox process with SIGKILL once the call says it runs, and answers the call's error. */
async function killDuringCall(supervisor: SandboxSupervisor, bridge: RecordingBridge, invoke: () => Promise<unknown>): Promise<SandboxError> {
	const victim = supervisor.pid!;
	const before = started(bridge);
	const call = invoke().then(
		() => undefined,
		(error: SandboxError) => error,
	);
	const deadline = Date.now() + 30_000;
	while (started(bridge) === before && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
	if (started(bridge) === before) throw new Error('the slow call never started');
	process.kill(victim, 'SIGKILL');
	return (await call)!;
}

test('a sandbox process killed during a call fails that call cleanly, restarts, and the extension works again', async (t) => {
	const { supervisor, bridge } = await startSandbox(t, { limits });
	const endpoint = await loadEndpoint(supervisor, routes, { sleep: {}, log: {} }, 'victim');
	const other = await loadEndpoint(supervisor, `router.get('/', () => ({ body: 'other' }));`, {}, 'other');
	const live = await liveness(t);
	const firstPid = supervisor.pid;
	const pid = process.pid;

	const { result: error, ticks, answered } = await live.during(() => killDuringCall(supervisor, bridge, () => endpoint.invoke(1, request())));
	t.is(error?.code, 'SANDBOX_CRASHED');
	t.true(ticks > 0 && answered > 0, 'this process stayed responsive');
	t.is(process.pid, pid);

	t.is((await endpoint.invoke(0, request())).body, 'alive', 'the next call waits for the restart and is answered');
	t.is((await other.invoke(0, request())).body, 'other', 'the other extensions were reloaded too');
	t.is(supervisor.restarts, 1);
	t.not(supervisor.pid, firstPid);
	t.is(supervisor.status('victim'), 'loaded', 'one crash is below maxCrashes');
});

test('an extension running during maxCrashes crashes is marked failed, and the others keep working', async (t) => {
	const { supervisor, bridge } = await startSandbox(t, { limits });
	const endpoint = await loadEndpoint(supervisor, routes, { sleep: {}, log: {} }, 'victim');
	const other = await loadEndpoint(supervisor, `router.get('/', () => ({ body: 'other' }));`, {}, 'other');

	for (let crash = 1; crash <= limits.maxCrashes; crash++) {
		t.is((await endpoint.invoke(0, request())).body, 'alive', 'answered by a running sandbox process');
		t.is((await killDuringCall(supervisor, bridge, () => endpoint.invoke(1, request()))).code, 'SANDBOX_CRASHED');
	}
	t.is(supervisor.status('victim'), 'failed');
	t.regex(supervisor.failure('victim') ?? '', /crashed 2 times/);
	const refused = await t.throwsAsync(endpoint.invoke(0, request()));
	t.is((refused as SandboxError).code, 'EXTENSION_FAILED');

	t.is((await other.invoke(0, request())).body, 'other');
	t.is(supervisor.status('other'), 'loaded', 'crashes count only against the extension that was running');
	t.is(supervisor.restarts, limits.maxCrashes);
});
