import { defineDisplay, fieldTypes } from '@mantle/extensions-sdk';

function rawText(value: unknown): string {
	return value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export default defineDisplay({
	id: 'raw',
	name: 'Raw value',
	icon: 'code',
	// Every type but those whose raw form means nothing to a reader.
	types: [...fieldTypes.filter((type) => !['hash', 'binary', 'geometry'].includes(type)), 'alias'],
	component: ({ value }) => <span class="display-raw">{rawText(value)}</span>,
	handler: rawText,
});
