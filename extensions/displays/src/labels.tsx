import { defineDisplay } from '@mantle/extensions-sdk';

interface Choice {
	value: string;
	text?: string;
	foreground?: string;
	background?: string;
}

function values(value: unknown): string[] {
	if (value === null || value === undefined || value === '') return [];
	if (Array.isArray(value)) return value.map(String);
	return typeof value === 'string' && value.includes(',') ? value.split(',').map((part) => part.trim()) : [String(value)];
}

export default defineDisplay<unknown, { choices?: Choice[] }>({
	id: 'labels',
	name: 'Labels',
	icon: 'label',
	types: ['string', 'csv', 'json', 'integer'],
	component: ({ value, options }) => (
		<span class="display-labels">
			{values(value).map((entry) => {
				const choice = options.choices?.find((candidate) => String(candidate.value) === entry);
				return (
					<span key={entry} class="label-chip" style={{ color: choice?.foreground, background: choice?.background }}>
						{choice?.text ?? entry}
					</span>
				);
			})}
		</span>
	),
	handler: (value, options) =>
		values(value)
			.map((entry) => options.choices?.find((choice) => String(choice.value) === entry)?.text ?? entry)
			.join(', '),
});
