import { defineDisplay } from '@mantle/extensions-sdk';

interface Options {
	relative?: boolean;
	format?: 'short' | 'long';
}

const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
	['year', 31_536_000_000],
	['month', 2_592_000_000],
	['week', 604_800_000],
	['day', 86_400_000],
	['hour', 3_600_000],
	['minute', 60_000],
	['second', 1000],
];

export function relative(date: Date, now = Date.now()): string {
	const difference = date.getTime() - now;
	const [unit, size] = units.find(([, length]) => Math.abs(difference) >= length) ?? units[units.length - 1]!;
	return new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' }).format(Math.round(difference / size), unit);
}

function format(value: unknown, options: Options): string {
	if (value === null || value === undefined || value === '') return '';
	const date = new Date(String(value).length === 10 ? `${value}T00:00:00` : String(value));
	if (Number.isNaN(date.getTime())) return String(value);
	if (options.relative) return relative(date);
	return date.toLocaleString(undefined, {
		dateStyle: options.format === 'long' ? 'long' : 'medium',
		...(String(value).length > 10 ? { timeStyle: 'short' } : {}),
	});
}

export default defineDisplay<unknown, Options>({
	id: 'datetime',
	name: 'Date and time',
	icon: 'schedule',
	types: ['date', 'time', 'dateTime', 'timestamp'],
	options: [{ field: 'relative', name: 'Relative (3 days ago)', type: 'boolean' }],
	component: ({ value, options }) =>
		value ? (
			<time dateTime={String(value)} title={String(value)}>
				{format(value, options)}
			</time>
		) : null,
	handler: (value, options) => format(value, options),
});
