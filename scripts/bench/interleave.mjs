// Interleaved measurement for the items benchmark. On a shared machine the load changes from one
// minute to the next, so a figure alone says little: each Mantle scenario is measured right
// before its bare-server counterpart, round after round, and the ratio of the two is what is
// reported. Scenarios the bare server cannot answer (filters, aggregates, writes) are paired with
// its by-id read, a yardstick of what the machine gives at that moment. The scenarios it does
// answer are measured a third time on the Hapi floor (`bare.hapi`: the bare server's answers
// through one Hapi route), which splits Mantle's distance from the bare server into what Hapi's
// request lifecycle costs and what Mantle adds to it.
import { measure, table } from './lib.mjs';

/** Targets of issue #14: Mantle ÷ bare per scenario, p99 ÷ p50, server RSS after the run. */
export const targets = { list100: 0.7, byId: 0.7, ping: 0.35, p99OverP50: 3, rssMb: 200, versusBefore: 1.3 };

const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const round3 = (value) => Number(value.toFixed(3));
/** A scenario's latency over its rounds: the median p50 and the worst p99, as Mantle's is reported. */
const latency = (runs) => ({ p50: median(runs.map((run) => run.p50)), p99: Math.max(...runs.map((run) => run.p99)) });
// autocannon counts whole milliseconds: under 2 ms a p50 is too coarse to divide by.
const spreadOf = ({ p50, p99 }) => (p50 >= 2 ? p99 / p50 : undefined);
/** The median of the rounds' CPU µs per request, where /proc gave them. */
const medianCpu = (runs) => {
	const measured = runs.map((run) => run.cpuUs).filter((value) => value !== undefined);
	return measured.length > 0 ? Number(median(measured).toFixed(1)) : undefined;
};

/**
 * Runs every scenario `rounds` times, each run followed by its bare counterpart
 * (`scenario.bare`, a key of `bare`). Returns per scenario the rounds' figures and the ratios.
 */
export async function interleaved({ scenarios, bare, rounds, settings, mantle: server, token }) {
	const runs = Object.fromEntries(scenarios.map((scenario) => [scenario.key, { mantle: [], bare: [], hapi: [] }]));
	const once = (target, { url, pid }) =>
		measure({
			url,
			pid,
			path: target.path,
			method: target.method,
			token: target.token,
			next: target.next,
			connections: settings.connections,
			duration: settings.duration,
		});
	for (let round = 1; round <= rounds; round++) {
		for (const scenario of scenarios) {
			const yardstick = bare.scenarios[scenario.bare];
			process.stdout.write(`  round ${round}/${rounds}  ${scenario.name} …`);
			const mantle = await once({ ...scenario, token: scenario.token ?? token }, server);
			const floor = await once(yardstick, bare);
			runs[scenario.key].mantle.push(mantle);
			runs[scenario.key].bare.push(floor);
			const hapi = bare.hapi && scenario.bare === scenario.key ? await once(yardstick, bare.hapi) : undefined;
			if (hapi) runs[scenario.key].hapi.push(hapi);
			const onHapi = hapi ? `; Hapi floor ${hapi.rps.toFixed(0)} req/s → ${(hapi.rps / floor.rps).toFixed(2)} of bare` : '';
			process.stdout.write(
				` ${mantle.rps.toFixed(0)} req/s; bare ${scenario.bare} ${floor.rps.toFixed(0)} req/s → ${(mantle.rps / floor.rps).toFixed(2)}${onHapi}\n`,
			);
		}
	}
	const results = {};
	for (const scenario of scenarios) {
		const { mantle, bare: floors, hapi } = runs[scenario.key];
		const ratios = mantle.map((run, index) => run.rps / floors[index].rps);
		const hapiFloor =
			hapi.length > 0
				? {
						rps: mean(hapi.map((run) => run.rps)),
						ofBare: round3(mean(hapi.map((run, index) => run.rps / floors[index].rps))),
						mantleOfHapi: round3(mean(hapi.map((run, index) => mantle[index].rps / run.rps))),
						// The floors' own tails, measured in the same minutes: what the machine gives a server with no work of Mantle's.
						bareLatency: latency(floors),
						hapiLatency: latency(hapi),
						// CPU time per request of the two floors on the same request as Mantle's.
						cpuUs: { bare: medianCpu(floors), hapi: medianCpu(hapi) },
					}
				: undefined;
		results[scenario.key] = {
			name: scenario.name,
			bare: scenario.bare,
			rps: mean(mantle.map((run) => run.rps)),
			...latency(mantle),
			cpuUs: medianCpu(mantle),
			bareRps: mean(floors.map((run) => run.rps)),
			ratio: round3(mean(ratios)),
			ratioRange: [round3(Math.min(...ratios)), round3(Math.max(...ratios))],
			non2xx: mantle.reduce((sum, run) => sum + run.non2xx, 0),
			errors: mantle.reduce((sum, run) => sum + run.errors, 0),
			timeouts: mantle.reduce((sum, run) => sum + run.timeouts, 0),
			statusCodes: mantle.map((run) => run.statusCodes),
			hapiFloor,
			rounds: mantle.map((run, index) => ({ mantle: run, bare: floors[index], hapi: hapi[index] })),
		};
	}
	return results;
}

/**
 * The report: the table, then each scenario's ratio to the bare server beside its target, its
 * p99 ÷ p50, and, given an earlier report (`before`), how its ratio moved: both runs are divided
 * by the bare server measured alongside, so a busier machine in one of them does not count.
 */
export function report(results, { before, rss }) {
	const lines = [table(Object.values(results)), ''];
	const mark = (ok) => (ok ? 'ok  ' : 'MISS');
	lines.push('scenario                                                ÷ bare (range)          p99÷p50   × before');
	for (const [key, result] of Object.entries(results)) {
		const target = targets[key];
		const spread = spreadOf(result);
		const previous = before?.results?.[key]?.ratio;
		const moved = previous ? result.ratio / previous : undefined;
		const verdicts = [
			target ? `${mark(result.ratio >= target)} ≥ ${target}` : '',
			spread === undefined ? `p50 ${result.p50} ms, p99 ${result.p99} ms` : `${mark(spread <= targets.p99OverP50)} ${spread.toFixed(1)}`,
			moved === undefined ? '' : `${target ? '' : mark(moved >= targets.versusBefore)} ${moved.toFixed(2)}×`,
		];
		lines.push(`${result.name.padEnd(54)}  ${result.ratio.toFixed(3)} (${result.ratioRange.join('–')}) vs ${result.bare.padEnd(8)}  ${verdicts.join('  ')}`);
	}
	const onHapi = Object.values(results).filter((result) => result.hapiFloor);
	if (onHapi.length > 0) {
		const spreads = (result) =>
			[result.hapiFloor.bareLatency, result.hapiFloor.hapiLatency, result]
				.map((measured) => spreadOf(measured)?.toFixed(1) ?? `${measured.p50}/${measured.p99} ms`)
				.join(' / ');
		lines.push('', "Hapi floor (the bare server's answers through one Hapi route)   Hapi ÷ bare   Mantle ÷ Hapi   p99÷p50 bare / Hapi / Mantle");
		for (const result of onHapi)
			lines.push(
				`${result.name.padEnd(64)}  ${result.hapiFloor.ofBare.toFixed(3).padStart(11)}   ${result.hapiFloor.mantleOfHapi.toFixed(3).padStart(13)}   ${spreads(result)}`,
			);
	}
	const withCpu = Object.values(results).filter((result) => result.cpuUs !== undefined);
	if (withCpu.length > 0) {
		// Where the bare server answers the same request, bare ÷ Mantle in CPU time is the "÷ bare"
		// ratio by what each answer costs rather than by how the two cores were shared at the time;
		// the load still moves it (caches, the other core's work), less than it moves req/s.
		const us = (value) => (value === undefined ? '-' : value.toFixed(0)).padStart(8);
		lines.push('', 'CPU time per request, µs (/proc, all threads)                     Mantle      Hapi      bare   bare ÷ Mantle   bare ÷ Hapi');
		for (const result of withCpu) {
			const cpu = result.hapiFloor?.cpuUs;
			const of = (part, whole) => (part === undefined || whole === undefined ? '-' : (part / whole).toFixed(3));
			lines.push(
				`${result.name.padEnd(64)}  ${us(result.cpuUs)}  ${us(cpu?.hapi)}  ${us(cpu?.bare)}   ${of(cpu?.bare, result.cpuUs).padStart(13)}   ${of(cpu?.bare, cpu?.hapi).padStart(11)}`,
			);
		}
	}
	if (rss)
		lines.push('', `server RSS: ${rss.before} MB before the scenarios, ${rss.after} MB after  (${mark(rss.after <= targets.rssMb)} ≤ ${targets.rssMb} MB)`);
	return lines.join('\n');
}
