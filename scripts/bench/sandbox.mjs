// Sandbox overhead: latency of a trivial sandboxed endpoint route through the supervisor (IPC to the
// sandbox process, into the isolate and back) against the same handler called in-process, and the
// memory each loaded sandboxed extension costs the sandbox process. Needs `node scripts/build.mjs`.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { SandboxSupervisor } = await import(pathToFileURL(path.join(root, 'sandbox/dist/index.js')).href);

const handlerSource = `(req) => ({ status: 200, body: { ok: true, name: req.query.name } })`;
const extensionSource = (id) => `import { defineEndpoint } from '@mantle/extensions-sdk';
export default defineEndpoint({ id: '${id}', handler: (router) => { router.get('/', ${handlerSource}); } });`;
const request = { method: 'GET', path: '/', params: {}, query: { name: 'bench' }, headers: {}, body: undefined, accountability: null };

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

async function measure(calls, warmup, call) {
	for (let i = 0; i < warmup; i++) await call();
	const samples = new Float64Array(calls);
	for (let i = 0; i < calls; i++) {
		const started = performance.now();
		await call();
		samples[i] = performance.now() - started;
	}
	const sorted = [...samples].sort((a, b) => a - b);
	return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), p99: quantile(sorted, 0.99) };
}

export async function run(args) {
	const calls = Number(args[0] ?? 10_000);
	const extra = Number(args[1] ?? 50);
	const bridge = {
		log() {},
		async items() {
			return null;
		},
		env: () => ({}),
	};
	const supervisor = new SandboxSupervisor({ limits: { memoryMb: 64, timeoutMs: 5000, maxCrashes: 3 }, bridge });
	await supervisor.start();
	try {
		const endpoint = await supervisor.load({ id: 'bench-0', type: 'endpoint', code: extensionSource('bench-0'), scopes: {} });
		// The same handler as plain in-process code: what a trusted extension costs.
		const direct = new Function(`return ${handlerSource}`)();
		const inProcess = await measure(calls, 1000, async () => direct(request));
		const sandboxed = await measure(calls, 1000, () => endpoint.invoke(0, request));

		const one = await supervisor.stats();
		for (let i = 1; i <= extra; i++) await supervisor.load({ id: `bench-${i}`, type: 'endpoint', code: extensionSource(`bench-${i}`), scopes: {} });
		const many = await supervisor.stats();

		const fmt = ({ p50, p95, p99 }) => `p50 ${(p50 * 1000).toFixed(1)} µs, p95 ${(p95 * 1000).toFixed(1)} µs, p99 ${(p99 * 1000).toFixed(1)} µs`;
		console.log(`sandboxed endpoint route vs the same handler in-process, ${calls} sequential calls after 1000 warm-up`);
		console.log(`  in-process:            ${fmt(inProcess)}`);
		console.log(`  through the supervisor: ${fmt(sandboxed)}`);
		console.log(`memory of the sandbox process (RSS), ${many.extensions} extensions vs ${one.extensions}`);
		console.log(`  1 extension:   ${mib(one.rss)}`);
		console.log(`  ${many.extensions} extensions: ${mib(many.rss)}`);
		console.log(`  per extension: ${mib((many.rss - one.rss) / extra)}`);
	} finally {
		await supervisor.stop();
	}
}
