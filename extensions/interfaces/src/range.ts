import type { FieldType, OptionField } from '@mantle/extensions-sdk';

/** The bounds a number input or a slider keeps its value within. */
export interface RangeOptions {
	min?: number;
	max?: number;
	step?: number;
}

/** The number types, and the bounds an admin sets on them: the numeric input and the slider offer the same. */
export const numberTypes: FieldType[] = ['integer', 'bigInteger', 'float', 'decimal'];

export const rangeOptionFields: OptionField[] = [
	{ field: 'min', name: 'Minimum', type: 'float' },
	{ field: 'max', name: 'Maximum', type: 'float' },
	{ field: 'step', name: 'Step', type: 'float' },
];
