import type { Point } from './query.js';

const palette = ['#6644ff', '#2e9d4f', '#e35169', '#f2a43a', '#2f80ed', '#9b51e0', '#27ae9f', '#7f8c8d'];
const format = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 2 });

/** Horizontal bars, one per group, labelled with their value so the numbers read without hovering. */
export function BarChart({ points }: { points: Point[] }) {
	const max = Math.max(1, ...points.map((point) => point.value));
	return (
		<ul class="bar-chart" aria-label="Bars">
			{points.map((point, index) => (
				<li key={point.label}>
					<span class="bar-label">{point.label}</span>
					<span class="bar-track">
						<span class="bar" style={{ width: `${(point.value / max) * 100}%`, background: palette[index % palette.length] }} />
					</span>
					<span class="bar-value">{format(point.value)}</span>
				</li>
			))}
		</ul>
	);
}

/** A pie of SVG arcs with a legend that carries the numbers. */
export function PieChart({ points }: { points: Point[] }) {
	const total = points.reduce((sum, point) => sum + point.value, 0) || 1;
	let angle = -Math.PI / 2;
	const slices = points.map((point, index) => {
		const sweep = (point.value / total) * Math.PI * 2;
		const start = angle;
		angle += sweep;
		const [x1, y1, x2, y2] = [Math.cos(start), Math.sin(start), Math.cos(angle), Math.sin(angle)].map((v) => 50 + 45 * v);
		const d = sweep >= Math.PI * 2 - 1e-9 ? 'M 50 5 A 45 45 0 1 1 49.99 5 Z' : `M 50 50 L ${x1} ${y1} A 45 45 0 ${sweep > Math.PI ? 1 : 0} 1 ${x2} ${y2} Z`;
		return <path key={point.label} d={d} fill={palette[index % palette.length]} />;
	});
	return (
		<div class="pie-chart">
			<svg viewBox="0 0 100 100" role="img" aria-label="Pie chart">
				{slices}
			</svg>
			<ul class="legend" aria-label="Legend">
				{points.map((point, index) => (
					<li key={point.label}>
						<span class="swatch" style={{ background: palette[index % palette.length] }} />
						{point.label}: {format(point.value)}
					</li>
				))}
			</ul>
		</div>
	);
}

/** A line over time with a dot per point; the axis shows the first and last labels. */
export function LineChart({ points }: { points: Point[] }) {
	if (points.length === 0) return <p class="muted">No data.</p>;
	const max = Math.max(1, ...points.map((point) => point.value));
	const step = points.length > 1 ? 100 / (points.length - 1) : 0;
	const coords = points.map((point, index) => [points.length > 1 ? index * step : 50, 95 - (point.value / max) * 85] as const);
	return (
		<figure class="line-chart">
			<svg viewBox="0 0 100 100" preserveAspectRatio="none" role="img" aria-label="Time series">
				<polyline
					points={coords.map(([x, y]) => `${x},${y}`).join(' ')}
					fill="none"
					stroke={palette[0]}
					stroke-width="1.5"
					vector-effect="non-scaling-stroke"
				/>
			</svg>
			<figcaption class="axis">
				<span>{points[0]!.label}</span>
				<span>
					max {format(max)} · {points.length} point{points.length === 1 ? '' : 's'}
				</span>
				<span>{points[points.length - 1]!.label}</span>
			</figcaption>
			<table class="visually-hidden">
				<tbody>
					{points.map((point) => (
						<tr key={point.label}>
							<th scope="row">{point.label}</th>
							<td>{point.value}</td>
						</tr>
					))}
				</tbody>
			</table>
		</figure>
	);
}
