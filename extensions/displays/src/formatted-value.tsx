import { defineDisplay } from '@mantle/extensions-sdk';

interface Options {
	format?: boolean;
	prefix?: string;
	suffix?: string;
	bold?: boolean;
	color?: string;
	decimals?: number;
}

function format(value: unknown, options: Options): string {
	if (value === null || value === undefined) return '';
	const number = typeof value === 'number' || (typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value)) ? Number(value) : null;
	const text =
		number !== null && options.format !== false
			? number.toLocaleString(
					undefined,
					options.decimals === undefined ? {} : { minimumFractionDigits: options.decimals, maximumFractionDigits: options.decimals },
				)
			: String(value);
	return `${options.prefix ?? ''}${text}${options.suffix ?? ''}`;
}

export default defineDisplay<unknown, Options>({
	id: 'formatted-value',
	name: 'Formatted value',
	icon: 'text_format',
	types: ['string', 'text', 'integer', 'bigInteger', 'float', 'decimal', 'uuid'],
	options: [
		{ field: 'prefix', name: 'Prefix', type: 'string' },
		{ field: 'suffix', name: 'Suffix', type: 'string' },
		{ field: 'bold', name: 'Bold', type: 'boolean' },
		{ field: 'decimals', name: 'Decimals', type: 'integer' },
	],
	component: ({ value, options }) => {
		const text = format(value, options);
		return <span style={{ fontWeight: options.bold ? 600 : undefined, color: options.color }}>{text}</span>;
	},
	handler: (value, options) => format(value, options),
});
