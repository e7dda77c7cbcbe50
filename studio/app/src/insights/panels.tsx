import { useEffect, useState } from 'preact/hooks';
import { messageOf, studioApi } from '../lib/api.js';
import type { PanelProps } from '@mantle/extensions-sdk';
import { asComponent } from '../lib/extensions.js';
import { ExtensionBoundary } from '../shell/boundary.js';
import { BarChart, LineChart, PieChart } from './charts.js';
import { grouped, list, metric, series } from './query.js';
import type { PanelDefinition } from './panel-extensions.js';

type Options = Record<string, unknown>;

/** Runs a panel's query again whenever its options or the refresh tick change. */
function useQuery<T>(load: () => Promise<T>, options: Options, tick: number): { data?: T; error?: string } {
	const [state, setState] = useState<{ data?: T; error?: string }>({});
	const key = JSON.stringify(options);
	useEffect(() => {
		let current = true;
		load().then(
			(data) => current && setState({ data }),
			(error) => current && setState({ error: messageOf(error) }),
		);
		return () => {
			current = false;
		};
	}, [key, tick]);
	return state;
}

function Result<T>({ state, children }: { state: { data?: T; error?: string }; children: (data: T) => preact.ComponentChildren }) {
	if (state.error)
		return (
			<p class="panel-error" role="alert">
				{state.error}
			</p>
		);
	if (state.data === undefined) return <p class="muted">Loading…</p>;
	return <>{children(state.data)}</>;
}

export interface PanelBodyProps {
	type: string;
	options: Options;
	tick: number;
	dashboard: string;
	width: number;
	height: number;
	showHeader: boolean;
	/** The variable panel's value, and how it changes it. */
	variable?: { value: unknown; set: (value: string) => void };
	extension?: PanelDefinition;
}

/** What one panel shows, by its type; a panel extension draws itself inside an error boundary. */
export function PanelBody(props: PanelBodyProps) {
	const { type, options, tick } = props;
	switch (type) {
		case 'metric':
			return <Metric options={options} tick={tick} />;
		case 'time-series':
			return <Series options={options} tick={tick} />;
		case 'bar':
		case 'pie':
			return <Grouped options={options} tick={tick} pie={type === 'pie'} />;
		case 'list':
			return <List options={options} tick={tick} />;
		case 'label':
			return <p class="panel-label">{String(options.text ?? '')}</p>;
		case 'variable':
			return (
				<label class="panel-variable">
					<span class="visually-hidden">{String(options.field ?? 'Variable')}</span>
					<input
						aria-label={String(options.field ?? 'Variable')}
						value={String(props.variable?.value ?? '')}
						onChange={(e) => props.variable?.set(e.currentTarget.value)}
					/>
				</label>
			);
		default: {
			if (!props.extension) return <p class="panel-error">No panel extension “{type}” is installed.</p>;
			const Component = asComponent<PanelProps>(props.extension.component);
			return (
				<ExtensionBoundary label={`panel "${props.extension.id}"`}>
					<Component options={options} api={studioApi} dashboard={props.dashboard} width={props.width} height={props.height} showHeader={props.showHeader} />
				</ExtensionBoundary>
			);
		}
	}
}

function Metric({ options, tick }: { options: Options; tick: number }) {
	const state = useQuery(() => metric(options), options, tick);
	return (
		<Result state={state}>
			{(value) => (
				<p class="metric" data-value={value}>
					{String(options.prefix ?? '')}
					{value.toLocaleString(undefined, { maximumFractionDigits: 2 })}
					{String(options.suffix ?? '')}
				</p>
			)}
		</Result>
	);
}

function Series({ options, tick }: { options: Options; tick: number }) {
	const state = useQuery(() => series(options), options, tick);
	return <Result state={state}>{(points) => <LineChart points={points} />}</Result>;
}

function Grouped({ options, tick, pie }: { options: Options; tick: number; pie: boolean }) {
	const state = useQuery(() => grouped(options), options, tick);
	return <Result state={state}>{(points) => (pie ? <PieChart points={points} /> : <BarChart points={points} />)}</Result>;
}

function List({ options, tick }: { options: Options; tick: number }) {
	const state = useQuery(() => list(options), options, tick);
	return (
		<Result state={state}>
			{(rows) => (
				<ul class="panel-list">
					{rows.map((row) => (
						<li key={String(row.key)}>{row.text}</li>
					))}
					{rows.length === 0 && <li class="muted">Nothing to show.</li>}
				</ul>
			)}
		</Result>
	);
}
